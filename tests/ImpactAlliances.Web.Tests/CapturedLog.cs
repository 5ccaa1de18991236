using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ImpactAlliances.Web.Tests;

/// <summary>What a site logs, kept for a test to read: what it did, or the sign that it has acted and a test may look.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Calls <paramref name="poke"/> until an entry matches (it may be what makes the site act), for at most 30 s.</summary>
    public async Task<LogEntry> WaitFor(Func<LogEntry, bool> match, Func<Task> poke)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await poke();
            if (Entries.FirstOrDefault(match) is { } entry)
            {
                return entry;
            }
            Assert.True(DateTime.UtcNow < deadline, "the expected log entry never came");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, LogLevel Level, string Message);

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception)));
    }
}
