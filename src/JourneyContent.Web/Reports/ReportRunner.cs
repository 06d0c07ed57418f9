using System.Globalization;
using JourneyContent.Content;
using JourneyContent.Reports;
using JourneyContent.Reports.Catalog;
using JourneyContent.Stages;

namespace JourneyContent.Web.Reports;

/// <summary>Computes one report of the catalogue for a query: shared by the report pages and by a CMS back office's report API.</summary>
public sealed class ReportRunner(ReportCatalog catalog, IReportStore reports, IContentSource content, StageModel stages, TimeProvider time)
{
    /// <summary>The catalogue the runner computes from.</summary>
    public ReportCatalog Catalog => catalog;

    /// <summary>Computes <paramref name="report"/> with the query's filters; filters the report does not declare are ignored.</summary>
    public async Task<ReportRun> RunAsync(IReportEntry report, ReportQuery query, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(query);
        var snapshot = content.Current;
        var filter = Filter(report.Definition, query, snapshot, out var error, out var period);
        var result = await report.RunAsync(new ReportContext(reports, filter, stages, snapshot, time.GetUtcNow()), cancel).ConfigureAwait(false);
        return new ReportRun(result, query, filter, stages, snapshot, error) { Period = period };
    }

    /// <summary>The filter of a query: <c>to</c> is inclusive (the whole day); language and topic select content; dates in the wrong order are ignored, with a message.</summary>
    private static ReportFilter Filter(ReportDefinition report, ReportQuery query, ContentSnapshot snapshot, out string? error, out ReportPeriod period)
    {
        period = ReportPeriod.AllTime;
        error = null;
        if (report.Supports(ReportFilters.DateRange))
        {
            error = ReportPeriod.TryParse(query.From, query.To, out period) switch
            {
                ReportPeriodProblem.BadFrom => "The start date must be written yyyy-MM-dd; it was ignored.",
                ReportPeriodProblem.BadTo => "The end date must be written yyyy-MM-dd; it was ignored.",
                ReportPeriodProblem.Reversed => "The start date is after the end date; the dates were ignored.",
                _ => null,
            };
        }

        var from = period.Start;
        var to = period.End;
        string? Chosen(string? text, ReportFilters filter) =>
            string.IsNullOrWhiteSpace(text) || !report.Supports(filter) ? null : text.Trim();
        var language = Chosen(query.Lang, ReportFilters.Language)?.ToLowerInvariant();
        var topic = Chosen(query.Topic, ReportFilters.Topic)?.ToLowerInvariant();
        IEnumerable<ContentItem>? selected = null;
        if (language is not null)
        {
            selected = snapshot.InLanguage(language);
        }

        if (topic is not null)
        {
            selected = (selected ?? snapshot.Items).Where(i => i.Topics.Contains(topic, StringComparer.OrdinalIgnoreCase));
        }

        return new ReportFilter
        {
            From = from,
            To = to,
            Language = language,
            Topic = topic,
            Source = Chosen(query.Source, ReportFilters.Source),
            ContentIds = selected?.Select(i => i.Id).ToHashSet(StringComparer.Ordinal),
        };
    }
}

/// <summary>A computed report with what was asked: the one model of the report page, the export and the API.</summary>
/// <param name="Result">The report.</param>
/// <param name="Query">The query as asked.</param>
/// <param name="Filter">The filter applied.</param>
/// <param name="Stages">The stage model, for labels.</param>
/// <param name="Content">The content snapshot, for the filter's choices.</param>
/// <param name="FilterError">Why part of the query was ignored, or null.</param>
public sealed record ReportRun(ReportResult Result, ReportQuery Query, ReportFilter Filter, StageModel Stages, ContentSnapshot Content, string? FilterError)
{
    /// <summary>The report's definition.</summary>
    public ReportDefinition Definition => Result.Definition;

    /// <summary>The days the report covers (all time when no date was given or the dates could not be used).</summary>
    public ReportPeriod Period { get; init; } = ReportPeriod.AllTime;
}
