using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Tests.Support;

/// <summary>Replies "echo: …" to every message.</summary>
public sealed class EchoHandler(TurnLog log) : IMessageHandler
{
    public bool Matches(ITurnContext turn) => true;

    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        log.Add("echo", turn);
        await turn.SendActivityAsync($"echo: {turn.Activity.Text}", cancellationToken);
    }
}

/// <summary>Takes messages starting with "first".</summary>
public sealed class FirstHandler(TurnLog log) : IMessageHandler
{
    public bool Matches(ITurnContext turn) => turn.Activity.Text?.StartsWith("first", StringComparison.Ordinal) == true;

    public Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        log.Add("first", turn);
        return turn.SendActivityAsync("from first", cancellationToken);
    }
}

/// <summary>Takes messages starting with "first" too, but is registered later in order.</summary>
public sealed class SecondHandler(TurnLog log) : IMessageHandler
{
    public bool Matches(ITurnContext turn) => turn.Activity.Text?.StartsWith("first", StringComparison.Ordinal) == true;

    public Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        log.Add("second", turn);
        return turn.SendActivityAsync("from second", cancellationToken);
    }
}

/// <summary>Records the fallback.</summary>
public sealed class RecordingFallback(TurnLog log) : IFallbackHandler
{
    public Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        log.Add("fallback", turn);
        return turn.SendActivityAsync("fallback", cancellationToken);
    }
}

/// <summary>
/// Card actions for the tests: <c>test.card</c> returns a card echoing the data, <c>test.message</c>
/// a message, <c>test.error</c> an error, <c>test.throw</c> throws; <c>test.prefix.*</c> records the verb.
/// </summary>
public sealed class TestCardActions(TurnLog log) : ICardActionHandler
{
    public Task<CardActionResult> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        log.Add($"card:{action.Verb}:{action.Kind}:{action.Data.ToJsonString()}", turn);
        return Task.FromResult(action.Verb switch
        {
            "test.card" => CardActionResult.ReplaceCard(new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["version"] = "1.5",
                ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = $"name={action.GetString("name")}", ["wrap"] = true }),
            }),
            "test.message" => CardActionResult.Message("done"),
            "test.error" => CardActionResult.Error("bad input"),
            "test.throw" => throw new InvalidOperationException("boom"),
            _ => CardActionResult.Message(action.Verb),
        });
    }
}

/// <summary>Answers the <c>test/ping</c> invoke.</summary>
public sealed class PingInvoke(TurnLog log) : IInvokeHandler
{
    public Task<InvokeResponse> HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        log.Add("invoke:ping", turn);
        return Task.FromResult(new InvokeResponse(200, new JsonObject { ["pong"] = true }));
    }
}

/// <summary>Records members added.</summary>
public sealed class RecordingMembersAdded(TurnLog log) : IMembersAddedHandler
{
    public Task OnMembersAddedAsync(ITurnContext turn, MembersAddedEvent added, CancellationToken cancellationToken)
    {
        log.Add($"added:{string.Join(",", added.Members.Select(m => m.Id))}:bot={added.BotAdded}", turn);
        return Task.CompletedTask;
    }
}

/// <summary>Records installationUpdate.</summary>
public sealed class RecordingInstallation(TurnLog log) : IActivityHandler
{
    public Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        log.Add($"installation:{turn.Activity.Action}", turn);
        return Task.CompletedTask;
    }
}

/// <summary>Throws on "crash".</summary>
public sealed class CrashHandler : IMessageHandler
{
    public bool Matches(ITurnContext turn) => turn.Activity.Text == "crash";

    public Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken) => throw new InvalidOperationException("boom");
}

/// <summary>Records failed turns and apologises.</summary>
public sealed class RecordingErrorHandler(TurnLog log) : ITurnErrorHandler
{
    public async Task OnTurnErrorAsync(ITurnContext turn, Exception exception, CancellationToken cancellationToken)
    {
        log.Add($"error:{exception.GetType().Name}", turn);
        if (turn.Activity.IsType(ActivityTypes.Message))
        {
            await turn.SendActivityAsync("sorry", cancellationToken);
        }
    }
}

/// <summary>Counts how often the DI container built <see cref="CountedHandler"/> (and fails the first build when asked to).</summary>
public sealed class Constructions
{
    private int _count;

    public bool FailFirst { get; init; }

    public int Count => Volatile.Read(ref _count);

    public void Record()
    {
        if (Interlocked.Increment(ref _count) == 1 && FailFirst)
        {
            throw new InvalidOperationException("first construction fails");
        }
    }
}

/// <summary>Replies "counted" to every message; its constructor is counted.</summary>
public sealed class CountedHandler : IMessageHandler
{
    public CountedHandler(Constructions constructions) => constructions.Record();

    public bool Matches(ITurnContext turn) => true;

    public Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken) => turn.SendActivityAsync("counted", cancellationToken);
}
