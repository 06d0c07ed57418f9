using JourneyContent.Reports.ContentInfluence;
using JourneyContent.Reports.Coverage;
using JourneyContent.Reports.DropOff;
using JourneyContent.Reports.Funnel;
using JourneyContent.Reports.GatedAssets;
using JourneyContent.Reports.Transitions;
using JourneyContent.Reports.Trend;

namespace JourneyContent.Reports.Catalog;

/// <summary>
/// The one list of reports. The back-office pages, the CSV export, the Umbraco dashboard API and its client all read it:
/// adding a report is adding its folder and one line here.
/// </summary>
public sealed class ReportCatalog
{
    /// <summary>Creates a catalogue of these reports, in menu order.</summary>
    /// <exception cref="ArgumentException">When two reports share a key.</exception>
    public ReportCatalog(IEnumerable<IReportEntry> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        Reports = [.. reports];
        if (Reports.GroupBy(r => r.Definition.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Two reports use the key '{twice.Key}'.", nameof(reports));
        }
    }

    /// <summary>The module's reports.</summary>
    public static ReportCatalog Default { get; } = new(
    [
        new FunnelEntry(), new TransitionsEntry(), new ContentInfluenceEntry(), new GatedAssetsEntry(),
        new DropOffEntry(), new CoverageEntry(), new TrendEntry(),
    ]);

    /// <summary>The reports, in menu order.</summary>
    public IReadOnlyList<IReportEntry> Reports { get; }

    /// <summary>The first report: the reports' home.</summary>
    public IReportEntry First => Reports[0];

    /// <summary>The report whose key is <paramref name="key"/>, or null (keys are case-sensitive, as in URLs).</summary>
    public IReportEntry? Find(string? key) => Reports.FirstOrDefault(r => string.Equals(r.Definition.Key, key, StringComparison.Ordinal));
}
