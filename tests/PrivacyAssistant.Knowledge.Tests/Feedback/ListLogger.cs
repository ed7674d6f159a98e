using Microsoft.Extensions.Logging;

namespace PrivacyAssistant.Knowledge.Tests.Feedback;

/// <summary>Keeps every formatted log line, with the exception's text, to check what would be written.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return lines.ToList();
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (lines)
        {
            lines.Add($"{logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
