using JourneyContent.Scheduling;

namespace JourneyContent.Core.Tests.Scheduling;

public sealed class InProcessExclusiveWorkTests
{
    [Fact]
    public async Task A_work_whose_lease_is_held_is_refused_until_the_lease_is_given_back()
    {
        var work = new InProcessExclusiveWork();

        var first = await work.TryAcquireAsync("retention", default);
        var whileHeld = await work.TryAcquireAsync("retention", default);
        var otherWork = await work.TryAcquireAsync("refit", default);
        await first!.DisposeAsync();
        await first.DisposeAsync();
        var afterRelease = await work.TryAcquireAsync("retention", default);
        var whileHeldAgain = await work.TryAcquireAsync("retention", default);

        Assert.NotNull(first);
        Assert.Null(whileHeld);
        Assert.NotNull(otherWork);
        Assert.NotNull(afterRelease);
        Assert.Null(whileHeldAgain);
    }
}
