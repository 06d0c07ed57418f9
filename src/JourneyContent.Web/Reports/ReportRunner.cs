using System.Globalization;
using JourneyContent.Content;
using JourneyContent.Coverage;
using JourneyContent.Reports;
using JourneyContent.Stages;

namespace JourneyContent.Web.Reports;

/// <summary>Computes one marketer report for a query: shared by the report pages and by a CMS back office's report API.</summary>
public sealed class ReportRunner(IReportStore reports, IContentSource content, StageModel stages, TimeProvider time)
{
    /// <summary>The reports, in the order of the menu.</summary>
    public static IReadOnlyList<(string Key, string Title)> All { get; } =
    [
        ("funnel", "Funnel"), ("transitions", "Stage transitions"), ("content", "Content influence"), ("gated", "Gated assets"),
        ("drop-off", "Drop-off"), ("coverage", "Coverage"), ("trend", "Trend"),
    ];

    /// <summary>True when <paramref name="report"/> names a report.</summary>
    public static bool IsKnown(string? report) => All.Any(r => r.Key == report);

    /// <summary>Computes <paramref name="report"/> (one of <see cref="All"/>) with the query's filters.</summary>
    public async Task<ReportViewModel> RunAsync(string report, ReportQuery query, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = Filter(query, out var error);
        var order = stages.Stages.Select(s => s.Key).ToList();
        var snapshot = content.Current;
        var model = new ReportViewModel(report, query, filter, stages, snapshot, error);
        return report switch
        {
            "funnel" => model with { Funnel = await reports.FunnelAsync(filter, order, cancel) },
            "transitions" => model with { Transitions = await reports.TransitionsAsync(filter, order, cancel) },
            "content" => model with { Influence = await reports.ContentInfluenceAsync(filter, order, cancel) },
            "gated" => model with { Gated = await reports.GatedAssetsAsync(filter, [.. snapshot.Items.Where(i => i.IsGated).Select(i => i.Id)], cancel) },
            "drop-off" => model with { DropOff = await reports.DropOffAsync(filter, order, time.GetUtcNow(), cancel) },
            "coverage" => model with
            {
                Coverage = CoverageMatrix.Compute(snapshot.Items.Where(i => filter.ContentIds is null || filter.ContentIds.Contains(i.Id)), stages, snapshot.Languages),
                Funnel = await reports.FunnelAsync(filter, order, cancel),
            },
            _ => model with { Trend = await reports.TrendAsync(filter, cancel) },
        };
    }

    /// <summary>The filter of a query: <c>to</c> is inclusive (the whole day); language and topic select content.</summary>
    private ReportFilter Filter(ReportQuery query, out string? error)
    {
        string? problem = null;
        DateTimeOffset? Day(string? text, string name)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }

            problem = $"The {name} date must be written yyyy-MM-dd; it was ignored.";
            return null;
        }

        var from = Day(query.From, "start");
        var to = Day(query.To, "end")?.AddDays(1);
        error = problem;
        var snapshot = content.Current;
        var language = string.IsNullOrWhiteSpace(query.Lang) ? null : query.Lang.Trim().ToLowerInvariant();
        var topic = string.IsNullOrWhiteSpace(query.Topic) ? null : query.Topic.Trim().ToLowerInvariant();
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
            Source = string.IsNullOrWhiteSpace(query.Source) ? null : query.Source.Trim(),
            ContentIds = selected?.Select(i => i.Id).ToHashSet(StringComparer.Ordinal),
        };
    }
}
