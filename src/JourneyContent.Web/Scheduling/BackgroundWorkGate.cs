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
    private string? _lastRefusal;
    private bool _asked;

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
    /// <summary>Adds <see cref="AlwaysDoBackgroundWork"/> as the <see cref="IBackgroundWorkGate"/> when none is registered.</summary>
    public static IServiceCollection AddBackgroundWorkGate(this IServiceCollection services)
    {
        services.TryAddSingleton<IBackgroundWorkGate, AlwaysDoBackgroundWork>();
        return services;
    }
}
