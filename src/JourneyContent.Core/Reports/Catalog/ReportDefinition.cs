namespace JourneyContent.Reports.Catalog;

/// <summary>The filters a report can be narrowed by; the pages and the dashboard offer only those a report declares.</summary>
[Flags]
public enum ReportFilters
{
    /// <summary>No filter.</summary>
    None = 0,

    /// <summary>A first and a last day (query keys <c>from</c> and <c>to</c>).</summary>
    DateRange = 1,

    /// <summary>A content language (query key <c>lang</c>).</summary>
    Language = 2,

    /// <summary>A topic (query key <c>topic</c>).</summary>
    Topic = 4,

    /// <summary>A lead source, <c>utm_source</c> (query key <c>source</c>).</summary>
    Source = 8,

    /// <summary>Every filter.</summary>
    All = DateRange | Language | Topic | Source,
}

/// <summary>What a cell holds, which decides how each consumer shows it.</summary>
public enum ReportValueKind
{
    /// <summary>Plain text, shown as is.</summary>
    Text,

    /// <summary>A stage key (null: a visitor's entry; empty: untagged), shown as the stage's name.</summary>
    Stage,

    /// <summary>A count.</summary>
    Integer,

    /// <summary>A number with decimals.</summary>
    Number,

    /// <summary>A share between 0 and 1, shown as a percentage; null when undefined.</summary>
    Share,

    /// <summary>A <see cref="TimeSpan"/>, exported as hours.</summary>
    Duration,

    /// <summary>A <see cref="DateOnly"/>.</summary>
    Date,

    /// <summary>The key of one of the report's columns, shown as that column's header (chart labels).</summary>
    Column,
}

/// <summary>How many table columns one declared column becomes.</summary>
public enum ColumnRepeat
{
    /// <summary>One column.</summary>
    Once,

    /// <summary>One column per stage of the site's model, in funnel order; the key is suffixed with the stage key.</summary>
    PerStage,

    /// <summary>One column per content language; the key is suffixed with the language code.</summary>
    PerLanguage,

    /// <summary>One column per content kind of the model; the key is suffixed with the kind key.</summary>
    PerKind,
}

/// <summary>How a report's chart is drawn.</summary>
public enum ReportChartKind
{
    /// <summary>A funnel of decreasing bars, one series.</summary>
    Funnel,

    /// <summary>Horizontal bars, one series.</summary>
    Bars,

    /// <summary>Columns per category stacked by series (one series per stage).</summary>
    StackedColumns,

    /// <summary>One small funnel per series (one series per row of the report).</summary>
    FunnelPerSeries,
}

/// <summary>Whom a column counts, which decides the filters that narrow it.</summary>
public enum ReportAudience
{
    /// <summary>Leads, content or anything every filter narrows.</summary>
    Any,

    /// <summary>Tracked visitors: the source filter does not narrow them (visitors carry no campaign parameters).</summary>
    Visitors,

    /// <summary>A share of leads over visitors: with a source filter, filtered leads over unfiltered visitors means nothing, so it is left empty.</summary>
    LeadsOverVisitors,
}

/// <summary>One declared column of a report.</summary>
/// <param name="Key">The CSV header and JSON key (<c>snake_case</c>); for a repeated column, the prefix of each key.</param>
/// <param name="HeaderKey">The resource key of the header shown to people; for a repeated column a format whose <c>{0}</c> is the stage, language or kind name.</param>
/// <param name="Kind">What the cells hold.</param>
/// <param name="Repeat">Whether the column becomes one column per stage, language or kind.</param>
/// <param name="Audience">Whom the column counts (visitors are not narrowed by the source filter).</param>
public sealed record ReportColumn(string Key, string HeaderKey, ReportValueKind Kind, ColumnRepeat Repeat = ColumnRepeat.Once, ReportAudience Audience = ReportAudience.Any);

/// <summary>One column of a computed report: a declared column, with its parameter when repeated.</summary>
/// <param name="Key">The CSV header and JSON key (the prefix and the parameter for a repeated column).</param>
/// <param name="Column">The declared column.</param>
/// <param name="Parameter">The stage key, language code or kind key of a repeated column; null otherwise.</param>
public sealed record ReportColumnInstance(string Key, ReportColumn Column, string? Parameter);

/// <summary>Everything a consumer needs to list, filter, show and export a report, without knowing the report.</summary>
/// <remarks>Texts are resource keys (<c>SharedStrings.resx</c>): only the edge turns them into the reader's language.</remarks>
public sealed record ReportDefinition
{
    /// <summary>Declares a report.</summary>
    /// <exception cref="ArgumentException">When the key is not a lower-case slug, or there are no columns, or two columns share a key.</exception>
    public ReportDefinition(string key, string titleKey, string descriptionKey, ReportFilters filters, IReadOnlyList<ReportColumn> columns, ReportChartKind chartKind, string chartTitleKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(titleKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(descriptionKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(chartTitleKey);
        ArgumentNullException.ThrowIfNull(columns);
        if (!key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            throw new ArgumentException($"A report key is a lower-case slug (it appears in URLs); '{key}' is not.", nameof(key));
        }

        if (columns.Count == 0)
        {
            throw new ArgumentException($"The report '{key}' declares no column.", nameof(columns));
        }

        if (columns.GroupBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"The report '{key}' declares the column '{twice.Key}' twice.", nameof(columns));
        }

        Key = key;
        TitleKey = titleKey;
        DescriptionKey = descriptionKey;
        Filters = filters;
        Columns = [.. columns];
        ChartKind = chartKind;
        ChartTitleKey = chartTitleKey;
    }

    /// <summary>The report's key, in URLs (<c>/reports/{key}</c>) and file names.</summary>
    public string Key { get; }

    /// <summary>The resource key of its title.</summary>
    public string TitleKey { get; }

    /// <summary>The resource key of the sentence that explains it.</summary>
    public string DescriptionKey { get; }

    /// <summary>The filters it honours.</summary>
    public ReportFilters Filters { get; }

    /// <summary>Its columns, in table and CSV order (repeated columns not yet expanded).</summary>
    public IReadOnlyList<ReportColumn> Columns { get; }

    /// <summary>How its chart is drawn.</summary>
    public ReportChartKind ChartKind { get; }

    /// <summary>The resource key of its chart's title.</summary>
    public string ChartTitleKey { get; }

    /// <summary>The resource key of the sentence that explains its highlighted cells or rows (the legend of the red cells); null when it highlights none.</summary>
    public string? FlagLegendKey { get; init; }

    /// <summary>True when the report honours <paramref name="filter"/>.</summary>
    public bool Supports(ReportFilters filter) => filter != ReportFilters.None && (Filters & filter) == filter;

    /// <summary>The columns of a computed report: repeated columns expanded over the stages, languages and kinds given.</summary>
    public IReadOnlyList<ReportColumnInstance> Expand(IReadOnlyList<string> stages, IReadOnlyList<string> languages, IReadOnlyList<string> kinds)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(kinds);
        IEnumerable<string?> Parameters(ReportColumn column) => column.Repeat switch
        {
            ColumnRepeat.PerStage => (IEnumerable<string?>)stages,
            ColumnRepeat.PerLanguage => languages,
            ColumnRepeat.PerKind => kinds,
            _ => [null],
        };

        return [.. Columns.SelectMany(column => Parameters(column).Select(parameter => new ReportColumnInstance(column.Key + parameter, column, parameter)))];
    }
}
