using JourneyContent.Reports.ContentInfluence;
using JourneyContent.Reports.DropOff;
using JourneyContent.Reports.Funnel;
using JourneyContent.Reports.GatedAssets;
using JourneyContent.Reports.Transitions;
using JourneyContent.Reports.Trend;

namespace JourneyContent.Reports;

/// <summary>
/// The stored facts the reports are computed from, queried when a report is asked for (no nightly rebuild): the union of
/// each report folder's query interface, so a store implements them all and a report depends on its own only.
/// </summary>
public interface IReportStore : IFunnelQuery, ITransitionsQuery, IContentInfluenceQuery, IGatedAssetsQuery, IDropOffQuery, ITrendQuery;
