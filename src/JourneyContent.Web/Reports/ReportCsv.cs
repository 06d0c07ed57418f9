using JourneyContent.Leads;
using JourneyContent.Reports.Export;

namespace JourneyContent.Web.Reports;

/// <summary>Each report, and the leads list, as a CSV table with the same columns as the page's data table.</summary>
public static class ReportCsv
{
    /// <summary>The table of a computed report.</summary>
    public static CsvTable For(ReportViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        switch (model.Report)
        {
            case "funnel":
            {
                var table = new CsvTable(["stage", "visitors", "leads", "reached", "conversion_to_next"]);
                foreach (var s in model.Funnel!.Stages)
                {
                    table.AddRow(s.Stage, s.Visitors, s.Leads, s.Reached, s.ConversionToNext);
                }

                return table;
            }

            case "transitions":
            {
                var table = new CsvTable(["from_stage", "to_stage", "moves", "median_hours_in_from_stage"]);
                foreach (var c in model.Transitions!.Cells)
                {
                    table.AddRow(c.From ?? "(entry)", c.To, c.Count, c.From is not null && model.Transitions.MedianTimeInStage.TryGetValue(c.From, out var median) ? Math.Round(median.TotalHours, 2) : null);
                }

                return table;
            }

            case "content":
            {
                var table = new CsvTable(["content_id", "title", "views", "readers", "leads", "moved_forward", "forward_share"]);
                foreach (var r in model.Influence!)
                {
                    table.AddRow(r.ContentId, model.Title(r.ContentId), r.Views, r.Readers, r.Leads, r.MovedForward, r.ForwardShare);
                }

                return table;
            }

            case "gated":
            {
                var table = new CsvTable(["content_id", "title", "form_views", "submissions", "downloads"]);
                foreach (var r in model.Gated!)
                {
                    table.AddRow(r.ContentId, model.Title(r.ContentId), r.FormViews, r.Submissions, r.Downloads);
                }

                return table;
            }

            case "drop-off":
            {
                var table = new CsvTable(["stage", "leads", "inactive_30_days", "inactive_share"]);
                foreach (var r in model.DropOff!.Rows)
                {
                    table.AddRow(r.Stage, r.Leads, r.Inactive, r.InactiveShare);
                }

                return table;
            }

            case "coverage":
            {
                var languages = model.Coverage!.Languages;
                var table = new CsvTable([.. new[] { "stage", "items", "calls_to_action" }.Concat(languages.Select(l => "items_" + l)).Concat(model.Coverage.Kinds.Select(k => "kind_" + k.Key)).Append("visitors_now")]);
                foreach (var row in model.Coverage.Rows)
                {
                    table.AddRow([row.Stage.Key, row.Total, row.CallsToAction, .. languages.Select(l => (object?)row.InLanguage(l)), .. model.Coverage.Kinds.Select(k => (object?)row.OfKind(k.Key)),
                        model.Funnel?.Stages.FirstOrDefault(s => s.Stage == row.Stage.Key)?.Visitors ?? 0]);
                }

                return table;
            }

            default:
            {
                var keys = model.Stages.Stages.Select(s => s.Key).ToList();
                var table = new CsvTable([.. new[] { "week_start" }.Concat(keys).Append("total")]);
                foreach (var week in model.Trend!)
                {
                    table.AddRow([week.WeekStart, .. keys.Select(k => (object?)week.ByStage.GetValueOrDefault(k)), week.Total]);
                }

                return table;
            }
        }
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
