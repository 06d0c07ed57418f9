using JourneyContent.Reports.Catalog;

namespace JourneyContent.Reports.GatedAssets;

/// <summary>Gated assets: for each, page views, form submissions and downloads.</summary>
public sealed class GatedAssetsEntry : ReportEntry
{
    /// <inheritdoc />
    public override ReportDefinition Definition { get; } = new(
        "gated", "ReportGatedTitle", "ReportGatedDescription", ReportFilters.All,
        [
            new("content_id", "ReportColumnContentId", ReportValueKind.Text),
            new("title", "ReportColumnAsset", ReportValueKind.Text),
            new("form_views", "ReportColumnFormViews", ReportValueKind.Integer, Audience: ReportAudience.Visitors),
            new("submissions", "ReportColumnSubmissions", ReportValueKind.Integer),
            new("downloads", "ReportColumnDownloads", ReportValueKind.Integer),
            new("submission_rate", "ReportColumnSubmissionRate", ReportValueKind.Share, Audience: ReportAudience.LeadsOverVisitors),
        ],
        ReportChartKind.FunnelPerSeries, "ReportGatedChart");

    /// <inheritdoc />
    protected override async Task<ReportBody> ComputeAsync(ReportContext context, CancellationToken cancellationToken)
    {
        IGatedAssetsQuery query = context.Store;
        var gated = context.Content.Items.Where(i => i.IsGated).Select(i => i.Id).ToList();
        var rows = await query.GatedAssetsAsync(context.Filter, gated, cancellationToken).ConfigureAwait(false);
        string Title(string id) => context.Content.FindById(id)?.Title ?? id;
        static ChartPoint Step(string column, int value) => new(new(ReportValueKind.Column, column), value, new(ReportValueKind.Integer, value));
        return new ReportBody(
            [.. rows.Select(r => new ReportRow([r.ContentId, Title(r.ContentId), r.FormViews, r.Submissions, r.Downloads, r.FormViews == 0 ? null : (double)r.Submissions / r.FormViews]))],
            new ReportChart(ReportChartKind.FunnelPerSeries,
                [.. rows.Select(r => new ChartSeries(new(ReportValueKind.Text, Title(r.ContentId)),
                    [Step("form_views", r.FormViews), Step("submissions", r.Submissions), Step("downloads", r.Downloads)],
                    "gated-" + r.ContentId.Replace('/', '-').Replace(':', '-')))]));
    }
}
