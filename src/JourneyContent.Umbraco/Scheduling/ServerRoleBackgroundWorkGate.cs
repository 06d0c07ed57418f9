using JourneyContent.Web.Scheduling;
using Microsoft.Extensions.Logging;
using Umbraco.Cms.Core.Sync;

namespace JourneyContent.Umbraco.Scheduling;

/// <summary>
/// Umbraco's rule for background work: it runs on the server whose role is <see cref="ServerRole.Single"/> or
/// <see cref="ServerRole.SchedulingPublisher"/>, never on a <see cref="ServerRole.Subscriber"/>, and not while the role
/// is <see cref="ServerRole.Unknown"/>.
/// </summary>
/// <remarks>
/// The rule Umbraco's own recurring jobs follow: a job runs only on the roles in its <c>ServerRoles</c>, by default
/// <c>RecurringBackgroundJobBase.DefaultServerRoles</c> = Single and SchedulingPublisher (src/Umbraco.Infrastructure/BackgroundJobs/). The role is read
/// on every call: with Umbraco's default <see cref="ElectedServerRoleAccessor"/> it is Unknown at start and elected later.
/// <para>The module's own store is a SQLite file on each server. On a load-balanced site (a server that is a publisher
/// or a subscriber) that splits its events, leads and outbox between servers, and a subscriber's outbox waits for a role
/// it never gets; the first time this gate sees such a role it says so as a critical log entry.</para>
/// </remarks>
internal sealed class ServerRoleBackgroundWorkGate(IServerRoleAccessor roles, ILogger<ServerRoleBackgroundWorkGate> logger) : IBackgroundWorkGate
{
    private int _warnedAboutStore;

    /// <inheritdoc />
    public string? WhyNotNow()
    {
        var role = roles.CurrentServerRole;
        if (role is ServerRole.SchedulingPublisher or ServerRole.Subscriber && Interlocked.Exchange(ref _warnedAboutStore, 1) == 0)
        {
            logger.LogCritical(
                "JourneyContent: this Umbraco server is part of a load-balanced site (role {Role}), but the module keeps its events, leads and outbox " +
                "in a SQLite file on each server (JourneyContent:DataPath, umbraco/Data/JourneyContent by default). Leads captured here stay in this " +
                "server's file, and a subscriber never sends its mail. Run JourneyContent on one server only, or use a store shared by all servers.",
                role);
        }

        return role switch
        {
            ServerRole.Single or ServerRole.SchedulingPublisher => null,
            ServerRole.Subscriber => "this server is a subscriber of a load-balanced Umbraco site; the scheduling publisher does it",
            _ => "Umbraco has not determined this server's role yet",
        };
    }
}
