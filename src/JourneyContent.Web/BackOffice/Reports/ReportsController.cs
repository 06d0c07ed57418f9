using System.Globalization;
using JourneyContent.Content;
using JourneyContent.Coverage;
using JourneyContent.Reports;
using JourneyContent.Reports.Export;
using JourneyContent.Stages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace JourneyContent.Web.BackOffice.Reports;

/// <summary>The marketer reports: funnel, transitions, content influence, gated assets, drop-off, coverage and trend, each with filters and a CSV export.</summary>
[Route(BackOfficeRoutes.Root + "/reports")]
[Authorize(Policy = BackOfficePolicies.Marketers)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ReportsController(IReportStore reports, IContentSource content, StageModel stages, TimeProvider time) : Controller
{
    /// <summary>The reports, in the order of the menu.</summary>
    public static IReadOnlyList<(string Key, string Title)> All { get; } =
    [
        ("funnel", "Funnel"), ("transitions", "Stage transitions"), ("content", "Content influence"), ("gated", "Gated assets"),
        ("drop-off", "Drop-off"), ("coverage", "Coverage"), ("trend", "Trend"),
    ];

    /// <summary>The reports' home: the funnel.</summary>
    [HttpGet("")]
    public Task<IActionResult> Index([FromQuery] ReportQuery query) => Show("funnel", query);

    /// <summary>One report, as a page or (<c>format=csv</c>) as a CSV file.</summary>
    [HttpGet("{report}")]
    public async Task<IActionResult> Show(string report, [FromQuery] ReportQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!All.Any(r => r.Key == report))
        {
            return NotFound();
        }

        var filter = Filter(query, out var error);
        var order = stages.Stages.Select(s => s.Key).ToList();
        var cancel = HttpContext.RequestAborted;
        var snapshot = content.Current;
        var model = new ReportViewModel(report, query, filter, stages, snapshot, error);
        model = report switch
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

        if (string.Equals(query.Format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            Response.Headers.CacheControl = "no-store";
            return File(ReportCsv.For(model).ToUtf8WithBom(), CsvTable.ContentType, $"journeycontent-{report}-{time.GetUtcNow():yyyyMMdd}.csv");
        }

        return View(BackOfficeViews.Reports, model);
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

/// <summary>The query string of a report page.</summary>
public sealed record ReportQuery
{
    /// <summary>The first day, <c>yyyy-MM-dd</c>.</summary>
    public string? From { get; init; }

    /// <summary>The last day (included), <c>yyyy-MM-dd</c>.</summary>
    public string? To { get; init; }

    /// <summary>A content language.</summary>
    public string? Lang { get; init; }

    /// <summary>A topic.</summary>
    public string? Topic { get; init; }

    /// <summary>A lead source (<c>utm_source</c>).</summary>
    public string? Source { get; init; }

    /// <summary><c>csv</c> for the export.</summary>
    public string? Format { get; init; }

    /// <summary>The same query in CSV format, as a query string.</summary>
    public string CsvQuery() => QueryString.Create(new Dictionary<string, string?>
    {
        ["from"] = From, ["to"] = To, ["lang"] = Lang, ["topic"] = Topic, ["source"] = Source, ["format"] = "csv",
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    /// <summary>The same filters, for links between reports.</summary>
    public string FilterQuery() => QueryString.Create(new Dictionary<string, string?>
    {
        ["from"] = From, ["to"] = To, ["lang"] = Lang, ["topic"] = Topic, ["source"] = Source,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}

/// <summary>A report page: the filter and the one report computed.</summary>
public sealed record ReportViewModel(string Report, ReportQuery Query, ReportFilter Filter, StageModel Stages, ContentSnapshot Content, string? FilterError)
{
    /// <summary>The funnel (also shown beside coverage).</summary>
    public FunnelReport? Funnel { get; init; }

    /// <summary>The transitions.</summary>
    public TransitionReport? Transitions { get; init; }

    /// <summary>Content influence.</summary>
    public IReadOnlyList<ContentInfluenceRow>? Influence { get; init; }

    /// <summary>Gated assets.</summary>
    public IReadOnlyList<GatedAssetRow>? Gated { get; init; }

    /// <summary>Drop-off.</summary>
    public DropOffReport? DropOff { get; init; }

    /// <summary>Content coverage.</summary>
    public CoverageMatrixResult? Coverage { get; init; }

    /// <summary>Trend.</summary>
    public IReadOnlyList<TrendWeek>? Trend { get; init; }

    /// <summary>A stage's English label, or the key.</summary>
    public string StageLabel(string? key) => key is null ? "(entry)" : Stages.FindStage(key)?.Label.Get("en") ?? (key.Length == 0 ? "(untagged)" : key);

    /// <summary>An item's title, or its id when it no longer exists.</summary>
    public string Title(string contentId) => Content.FindById(contentId)?.Title ?? contentId;
}
