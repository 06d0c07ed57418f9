using System.Collections.Concurrent;

namespace JourneyContent.Scheduling;

/// <summary>
/// Scheduled work that one instance at a time may do (retention, the stage-model re-fit): an instance takes the work's
/// lease before a pass and gives it back after, and an instance that does not get it skips the pass.
/// </summary>
public interface IExclusiveWork
{
    /// <summary>The lease of <paramref name="work"/> when this instance got it, to dispose when the pass ends; null when another holds it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string work, CancellationToken cancellationToken);
}

/// <summary>One process that has its store to itself: passes of the same work never overlap within it.</summary>
public sealed class InProcessExclusiveWork : IExclusiveWork
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _held = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IAsyncDisposable?> TryAcquireAsync(string work, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(work);
        var gate = _held.GetOrAdd(work, _ => new SemaphoreSlim(1, 1));
        return Task.FromResult<IAsyncDisposable?>(gate.Wait(0, cancellationToken) ? new Lease(gate) : null);
    }

    private sealed class Lease(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
