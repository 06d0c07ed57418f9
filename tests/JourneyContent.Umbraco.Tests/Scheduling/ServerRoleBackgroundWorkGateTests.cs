using JourneyContent.Umbraco.Composing;
using JourneyContent.Umbraco.Scheduling;
using JourneyContent.Umbraco.Tests.Content;
using JourneyContent.Web.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Umbraco.Cms.Core.Sync;

namespace JourneyContent.Umbraco.Tests.Scheduling;

/// <summary>Background work runs where Umbraco's server role allows it, as Umbraco's own recurring jobs do.</summary>
public sealed class ServerRoleBackgroundWorkGateTests
{
    [Theory]
    [InlineData(ServerRole.Single, true)]
    [InlineData(ServerRole.SchedulingPublisher, true)]
    [InlineData(ServerRole.Subscriber, false)]
    [InlineData(ServerRole.Unknown, false)]
    public void Work_runs_only_on_a_single_server_or_the_scheduling_publisher(ServerRole role, bool runs)
    {
        var gate = Gate(new ElectedRoleStandIn(role), out _);

        Assert.Equal(runs, gate.WhyNotNow() is null);
    }

    [Fact]
    public void The_role_is_read_on_every_call_so_an_election_after_start_up_counts()
    {
        var roles = new ElectedRoleStandIn(ServerRole.Unknown);
        var gate = Gate(roles, out _);

        var before = gate.WhyNotNow();
        roles.Elect(ServerRole.SchedulingPublisher);

        Assert.Equal("Umbraco has not determined this server's role yet", before);
        Assert.Null(gate.WhyNotNow());
    }

    [Theory]
    [InlineData(ServerRole.SchedulingPublisher)]
    [InlineData(ServerRole.Subscriber)]
    public void A_load_balanced_server_on_the_per_server_sqlite_store_is_told_once_and_clearly(ServerRole role)
    {
        var gate = Gate(new ElectedRoleStandIn(role), out var logs);

        gate.WhyNotNow();
        gate.WhyNotNow();

        var critical = Assert.Single(logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Contains("load-balanced", critical.Message, StringComparison.Ordinal);
        Assert.Contains("SQLite file on each server", critical.Message, StringComparison.Ordinal);
        Assert.Contains(role.ToString(), critical.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ServerRole.Single)]
    [InlineData(ServerRole.Unknown)]
    public void A_single_server_gets_no_warning(ServerRole role)
    {
        var gate = Gate(new ElectedRoleStandIn(role), out var logs);

        gate.WhyNotNow();

        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public void The_package_puts_the_server_role_gate_in_front_of_the_modules_background_work()
    {
        var services = new ServiceCollection();
        new JourneyContentComposer().Compose(UmbracoTestBuilder.Create(services));
        services.AddLogging();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<ServerRoleBackgroundWorkGate>(provider.GetRequiredService<IBackgroundWorkGate>());
        Assert.Null(provider.GetRequiredService<IBackgroundWorkGate>().WhyNotNow());
    }

    private static ServerRoleBackgroundWorkGate Gate(IServerRoleAccessor roles, out CapturingLoggerProvider logs)
    {
        logs = new CapturingLoggerProvider();
        return new ServerRoleBackgroundWorkGate(roles, new Logger<ServerRoleBackgroundWorkGate>(new LoggerFactory([logs])));
    }
}
