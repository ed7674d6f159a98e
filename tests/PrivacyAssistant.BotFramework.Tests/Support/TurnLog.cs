using System.Collections.Concurrent;
using PrivacyAssistant.BotFramework.Builder;

namespace PrivacyAssistant.BotFramework.Tests.Support;

/// <summary>Records which test handlers ran, to prove that nothing of a rejected turn runs.</summary>
public sealed class TurnLog
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public ITurnContext? LastTurn { get; private set; }

    public void Add(string entry, ITurnContext turn)
    {
        LastTurn = turn;
        _entries.Enqueue(entry);
    }
}
