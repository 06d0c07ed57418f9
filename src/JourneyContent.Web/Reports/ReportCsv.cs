using JourneyContent.Leads;
using JourneyContent.Reports.Catalog;
using JourneyContent.Reports.Export;

namespace JourneyContent.Web.Reports;

/// <summary>Any report of the catalogue, and the leads list, as a CSV table: the report's own columns, machine values.</summary>
public static class ReportCsv
{
    /// <summary>The table of a computed report: its column keys as headers, stage keys and invariant numbers as cells.</summary>
    public static CsvTable For(ReportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new CsvTable([.. result.Columns.Select(c => c.Key)]);
        foreach (var row in result.Rows)
        {
            table.AddRow(row.Cells);
        }

        return table;
    }

    /// <summary>The file name of a report's export.</summary>
    public static string FileName(ReportDefinition report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"journeycontent-{report.Key}-{now:yyyyMMdd}.csv";
    }

    /// <summary>The leads list.</summary>
    public static CsvTable Leads(IEnumerable<Lead> leads)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var table = new CsvTable(["id", "email", "first_name", "last_name", "company", "job_title", "company_size", "country", "phone", "language", "stage", "declared_stage", "utm_source", "utm_medium", "utm_campaign", "created_at", "last_activity_at"]);
        foreach (var l in leads)
        {
            table.AddRow(l.Id, l.Email, l.Profile.FirstName, l.Profile.LastName, l.Profile.Company, l.Profile.JobTitle, l.Profile.CompanySize, l.Profile.Country, l.Profile.Phone,
                l.Language, l.Stage, l.DeclaredStage, l.Source.UtmSource, l.Source.UtmMedium, l.Source.UtmCampaign, l.CreatedAt, l.LastActivityAt);
        }

        return table;
    }
}
