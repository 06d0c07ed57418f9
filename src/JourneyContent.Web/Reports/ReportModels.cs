using JourneyContent.Content;
using JourneyContent.Coverage;
using JourneyContent.Reports;
using JourneyContent.Stages;
using Microsoft.AspNetCore.Http;

namespace JourneyContent.Web.Reports;

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
