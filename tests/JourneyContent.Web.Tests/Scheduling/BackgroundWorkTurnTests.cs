using JourneyContent.Scheduling;
using JourneyContent.Web.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyContent.Web.Tests.Scheduling;

public sealed class BackgroundWorkTurnTests
{
    [Fact]
    public async Task A_pass_begins_only_with_the_lease_and_two_turns_of_one_work_never_overlap()
    {
        var exclusive = new InProcessExclusiveWork();
        var first = new BackgroundWorkTurn(new AlwaysDoBackgroundWork(), exclusive, NullLogger.Instance, "Lead retention");
        var second = new BackgroundWorkTurn(new AlwaysDoBackgroundWork(), exclusive, NullLogger.Instance, "Lead retention");

        var running = await first.TryBeginAsync(default);
        var overlapping = await second.TryBeginAsync(default);
        await running!.DisposeAsync();
        var next = await second.TryBeginAsync(default);

        Assert.NotNull(running);
        Assert.Null(overlapping);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task A_server_the_host_keeps_from_the_work_does_not_take_the_lease()
    {
        var exclusive = new InProcessExclusiveWork();
        var refused = new BackgroundWorkTurn(new NotThisServer(), exclusive, NullLogger.Instance, "Lead retention");

        var pass = await refused.TryBeginAsync(default);
        var lease = await exclusive.TryAcquireAsync("Lead retention", default);

        Assert.Null(pass);
        Assert.NotNull(lease);
    }

    private sealed class NotThisServer : IBackgroundWorkGate
    {
        public string? WhyNotNow() => "this server is a subscriber";
    }
}
