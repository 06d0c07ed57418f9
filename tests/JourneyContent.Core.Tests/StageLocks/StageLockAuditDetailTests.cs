using JourneyContent.StageLocks;

namespace JourneyContent.Core.Tests.StageLocks;

public sealed class StageLockAuditDetailTests
{
    private static readonly DateTimeOffset Until = new(2026, 12, 31, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_detail_reads_back_its_stage_end_and_a_reason_that_holds_the_separator()
    {
        var stageLock = new StageLock("l1", "decision", Until.AddDays(-30), Until, "marketer@example.com", "Called; wants a quote; reason=none");

        var detail = stageLock.AuditDetail();

        Assert.Equal("stage=decision; until=2026-12-31T10:00:00.0000000Z; set_by=marketer@example.com; reason=Called; wants a quote; reason=none", detail);
        Assert.Equal(("decision", Until, "Called; wants a quote; reason=none"), StageLock.ReadAuditDetail(detail));
    }

    [Fact]
    public void A_lock_without_reason_reads_back_without_one()
    {
        var detail = new StageLock("l1", "loyalty", Until.AddDays(-7), Until.ToOffset(TimeSpan.FromHours(2)), "m@example.com", null).AuditDetail();

        Assert.Equal(("loyalty", Until, (string?)null), StageLock.ReadAuditDetail(detail));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("free text from an older version")]
    [InlineData("stage=decision; until=not-a-date")]
    [InlineData("until=2026-12-31T10:00:00Z")]
    public void A_detail_in_another_format_reads_as_nothing(string? detail) => Assert.Null(StageLock.ReadAuditDetail(detail));
}
