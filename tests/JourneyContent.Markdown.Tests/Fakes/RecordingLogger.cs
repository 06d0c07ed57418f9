using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace JourneyContent.Markdown.Tests.Fakes;

/// <summary>A logger that keeps what was logged and, on demand, fails like a broken logging back end.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>When it answers true for an entry, logging that entry throws instead of recording it.</summary>
    public Func<LogLevel, string, bool>? ThrowWhen { get; set; }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        if (ThrowWhen?.Invoke(logLevel, message) == true)
        {
            throw new InvalidOperationException("The logging back end is down.");
        }

        _entries.Enqueue(new LogEntry(logLevel, message, exception));
    }
}

internal sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);
