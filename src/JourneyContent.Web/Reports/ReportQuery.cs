using JourneyContent.Reports.Catalog;
using Microsoft.AspNetCore.Http;

namespace JourneyContent.Web.Reports;

/// <summary>The query string of a report: its filters (keys <c>from</c>, <c>to</c>, <c>lang</c>, <c>topic</c>, <c>source</c>) and format.</summary>
public sealed record ReportQuery
{
    /// <summary>The query keys of each filter, as the pages and the dashboard send them.</summary>
    public static IReadOnlyList<(ReportFilters Filter, string Key)> FilterKeys { get; } =
    [
        (ReportFilters.DateRange, "from"), (ReportFilters.DateRange, "to"), (ReportFilters.Language, "lang"),
        (ReportFilters.Topic, "topic"), (ReportFilters.Source, "source"),
    ];

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

    /// <summary>True when the export is asked for.</summary>
    public bool IsCsv => string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The query keys a report honours.</summary>
    public static IReadOnlyList<string> KeysOf(ReportDefinition report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. FilterKeys.Where(k => report.Supports(k.Filter)).Select(k => k.Key)];
    }

    /// <summary>The same query in CSV format, as a query string.</summary>
    public string CsvQuery() => Query(("format", "csv"));

    /// <summary>The same filters, for links between reports.</summary>
    public string FilterQuery() => Query();

    private string Query(params (string Key, string Value)[] extra) => QueryString.Create(new Dictionary<string, string?>
    {
        ["from"] = From, ["to"] = To, ["lang"] = Lang, ["topic"] = Topic, ["source"] = Source,
    }.Concat(extra.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value))).Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
