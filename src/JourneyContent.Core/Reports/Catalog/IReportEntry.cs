using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.Reports.Catalog;

/// <summary>One report of the catalogue: its definition and how it is computed. One folder of <c>Reports/</c> each.</summary>
public interface IReportEntry
{
    /// <summary>What the report is, for every consumer.</summary>
    ReportDefinition Definition { get; }

    /// <summary>Computes the report with its store query.</summary>
    Task<ReportResult> RunAsync(ReportContext context, CancellationToken cancellationToken);
}

/// <summary>What a report is computed from.</summary>
/// <param name="Store">The stored facts (each report uses its own query interface of it).</param>
/// <param name="Filter">The filter asked for.</param>
/// <param name="Stages">The site's stage model.</param>
/// <param name="Content">The published content now.</param>
/// <param name="Now">The moment of the request, from the site's <see cref="TimeProvider"/>.</param>
public sealed record ReportContext(IReportStore Store, ReportFilter Filter, StageModel Stages, ContentSnapshot Content, DateTimeOffset Now)
{
    /// <summary>The stage keys in funnel order.</summary>
    public IReadOnlyList<string> StageOrder { get; } = [.. Stages.Stages.Select(s => s.Key)];

    /// <summary>The columns of <paramref name="definition"/> for this site's stages, languages and kinds.</summary>
    public IReadOnlyList<ReportColumnInstance> Columns(ReportDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Expand(StageOrder, Content.Languages, [.. Stages.Kinds.Select(k => k.Key)]);
    }
}
