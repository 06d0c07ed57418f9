using JourneyContent.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace JourneyContent.Web.Scheduling;

/// <summary>
/// Whether this server does the module's background work now: sending the outbox, erasing expired leads, re-fitting the
/// stage model, installing the CMS schema. A load-balanced host lets one server do it.
/// </summary>
/// <remarks>
/// Asked before every pass rather than once at start, because a host may learn or change a server's role while it runs
/// (Umbraco elects its scheduling publisher after start-up). Work every server must do for itself (writing its own
/// events, its search index) does not ask.
/// </remarks>
public interface IBackgroundWorkGate
{
    /// <summary>Null when this server does the work now; otherwise why not, in words for the log.</summary>
    string? WhyNotNow();
}

/// <summary>One server, or a host that coordinates nothing: the work is always done here.</summary>
public sealed class AlwaysDoBackgroundWork : IBackgroundWorkGate
{
    /// <inheritdoc />
    public string? WhyNotNow() => null;
}

/// <summary>
/// A background service's view of the gate: asks it, and logs when the answer changes (not on every pass).
/// </summary>
public sealed class BackgroundWorkTurn(IBackgroundWorkGate gate, ILogger logger, string work)
{
    private readonly IExclusiveWork? _exclusive;
    private string? _lastRefusal;
    private bool _asked;

    /// <summary>A turn of work that one instance at a time may do: <see cref="TryBeginAsync"/> also takes its lease.</summary>
    public BackgroundWorkTurn(IBackgroundWorkGate gate, IExclusiveWork exclusive, ILogger logger, string work)
        : this(gate, logger, work)
    {
        ArgumentNullException.ThrowIfNull(exclusive);
        _exclusive = exclusive;
    }

    /// <summary>
    /// The lease of a pass when this server may run it now and no other instance is running it; null otherwise (skip the
    /// pass). Dispose the lease when the pass ends.
    /// </summary>
    public async Task<IAsyncDisposable?> TryBeginAsync(CancellationToken cancellationToken)
    {
        if (!MayRun())
        {
            return null;
        }

        if (_exclusive is null)
        {
            return NoLease.Instance;
        }

        var lease = await _exclusive.TryAcquireAsync(work, cancellationToken);
        if (lease is null)
        {
            logger.LogDebug("JourneyContent: {Work} is running on another instance; this pass is skipped.", work);
        }

        return lease;
    }

    private sealed class NoLease : IAsyncDisposable
    {
        public static readonly NoLease Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>True when the work may run now.</summary>
    public bool MayRun()
    {
        var refusal = gate.WhyNotNow();
        if (!_asked || !string.Equals(refusal, _lastRefusal, StringComparison.Ordinal))
        {
            if (refusal is not null)
            {
                logger.LogInformation("JourneyContent: {Work} does not run on this server for now: {Reason}.", work, refusal);
            }
            else if (_asked)
            {
                logger.LogInformation("JourneyContent: {Work} runs on this server again.", work);
            }
        }

        _asked = true;
        _lastRefusal = refusal;
        return refusal is null;
    }
}

/// <summary>Registers the default gate (the work is always done here) unless the host registered its own.</summary>
public static class BackgroundWorkGateServiceCollectionExtensions
{
    /// <summary>Adds <see cref="AlwaysDoBackgroundWork"/> as the <see cref="IBackgroundWorkGate"/>, and leases within this
    /// process as the <see cref="IExclusiveWork"/>, when the host or the store registered none.</summary>
    public static IServiceCollection AddBackgroundWorkGate(this IServiceCollection services)
    {
        services.TryAddSingleton<IBackgroundWorkGate, AlwaysDoBackgroundWork>();
        services.TryAddSingleton<IExclusiveWork, InProcessExclusiveWork>();
        return services;
    }
}
