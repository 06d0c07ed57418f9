using JourneyContent.Reports.Catalog;

namespace JourneyContent.Reports.ContentInfluence;

/// <summary>Content influence: per item, its readers and the share of them its reading moved forward.</summary>
public sealed class ContentInfluenceEntry : ReportEntry
{
    // Past this many bars the chart stops being readable; the table keeps every item.
    private const int ChartedItems = 15;

    /// <inheritdoc />
    public override ReportDefinition Definition { get; } = new(
        "content", "ReportContentTitle", "ReportContentDescription", ReportFilters.All,
        [
            new("content_id", "ReportColumnContentId", ReportValueKind.Text),
            new("title", "ReportColumnItem", ReportValueKind.Text),
            new("stage", "ReportColumnStage", ReportValueKind.Stage),
            new("views", "ReportColumnViews", ReportValueKind.Integer, Audience: ReportAudience.Visitors),
            new("readers", "ReportColumnReaders", ReportValueKind.Integer, Audience: ReportAudience.Visitors),
            new("leads", "ReportColumnLeads", ReportValueKind.Integer),
            new("moved_forward", "ReportColumnMovedForward", ReportValueKind.Integer, Audience: ReportAudience.Visitors),
            new("forward_share", "ReportColumnShare", ReportValueKind.Share, Audience: ReportAudience.Visitors),
        ],
        ReportChartKind.Bars, "ReportContentChart");

    /// <inheritdoc />
    protected override async Task<ReportBody> ComputeAsync(ReportContext context, CancellationToken cancellationToken)
    {
        IContentInfluenceQuery query = context.Store;
        var rows = await query.ContentInfluenceAsync(context.Filter, context.StageOrder, cancellationToken).ConfigureAwait(false);
        string Title(string id) => context.Content.FindById(id)?.Title ?? id;
        string? Stage(string id) => context.Content.FindById(id)?.Stage;
        return new ReportBody(
            [.. rows.Select(r => new ReportRow([r.ContentId, Title(r.ContentId), Stage(r.ContentId), r.Views, r.Readers, r.Leads, r.MovedForward, r.ForwardShare], Stage(r.ContentId)))],
            OneSeries(ReportChartKind.Bars, "forward_share", "influence",
                rows.Where(r => r.Readers > 0).OrderByDescending(r => r.Readers).Take(ChartedItems).Select(r => new ChartPoint(
                        new(ReportValueKind.Text, Title(r.ContentId)), (r.ForwardShare ?? 0) * 100, new(ReportValueKind.Share, r.ForwardShare), Stage(r.ContentId)))));
    }
}
