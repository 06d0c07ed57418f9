using JourneyContent.Reports.Catalog;
using JourneyContent.Web.Reports;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the report catalogue and what computes and presents its reports.</summary>
public static class ReportsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="ReportCatalog"/> (the module's reports unless one is registered before), the
    /// <see cref="ReportRunner"/> and the <see cref="ReportPresenter"/>. Needs an <c>IReportStore</c>. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddJourneyContentReports(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(ReportCatalog.Default);
        services.TryAddSingleton<ReportRunner>();
        services.TryAddSingleton<ReportPresenter>();
        return services;
    }
}
