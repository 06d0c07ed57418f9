using System.Globalization;
using System.Xml.Linq;
using JourneyContent.Reports.Catalog;
using JourneyContent.Stages;
using JourneyContent.Web.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace JourneyContent.Web.Tests.Reports;

/// <summary>The report catalogue's declarations, and how the one presenter and CSV writer read any of them.</summary>
public sealed class ReportCatalogTests
{
    public static TheoryData<string> CatalogueReports() => [.. ReportCatalog.Default.Reports.Select(r => r.Definition.Key)];

    [Fact]
    public void The_catalogue_lists_the_seven_reports_in_menu_order_coverage_included()
    {
        Assert.Equal(["funnel", "transitions", "content", "gated", "drop-off", "coverage", "trend"], ReportCatalog.Default.Reports.Select(r => r.Definition.Key));
    }

    [Theory]
    [MemberData(nameof(CatalogueReports))]
    public void Every_text_a_report_names_is_a_shared_string(string report)
    {
        var definition = ReportCatalog.Default.Find(report)!.Definition;
        var strings = SharedStringKeys();

        Assert.All(new[] { definition.TitleKey, definition.DescriptionKey, definition.ChartTitleKey }.Concat(definition.Columns.Select(c => c.HeaderKey)),
            key => Assert.Contains(key, strings));
    }

    [Fact]
    public void An_unknown_key_finds_no_report_and_keys_are_case_sensitive()
    {
        Assert.Null(ReportCatalog.Default.Find("secrets"));
        Assert.Null(ReportCatalog.Default.Find("Funnel"));
        Assert.Null(ReportCatalog.Default.Find(null));
    }

    [Fact]
    public void Two_reports_with_one_key_are_refused()
    {
        var funnel = ReportCatalog.Default.Find("funnel")!;

        var error = Assert.Throws<ArgumentException>(() => new ReportCatalog([funnel, funnel]));

        Assert.Contains("'funnel'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_column_becomes_one_column_per_stage_language_or_kind()
    {
        var coverage = ReportCatalog.Default.Find("coverage")!.Definition;

        var columns = coverage.Expand(["awareness", "decision"], ["en", "fr"], ["blog-post"]);

        Assert.Equal(["stage", "items", "items_en", "items_fr", "calls_to_action", "kind_blog-post", "visitors_now"], columns.Select(c => c.Key));
        Assert.Equal("fr", columns[3].Parameter);
    }

    [Fact]
    public void A_report_honours_only_the_filters_it_declares()
    {
        var transitions = ReportCatalog.Default.Find("transitions")!.Definition;

        Assert.Equal(["from", "to", "lang", "topic"], ReportQuery.KeysOf(transitions));
        Assert.False(transitions.Supports(ReportFilters.Source));
    }

    [Fact]
    public void The_presenter_writes_headers_stage_names_numbers_and_notes_in_the_readers_language()
    {
        var result = DropOffResult();
        var presenter = new ReportPresenter(Localizer(), StageModel.Default);

        var french = presenter.Present(result, CultureInfo.GetCultureInfo("fr-FR"));
        var english = presenter.Present(result, CultureInfo.GetCultureInfo("en-GB"));

        Assert.Equal(["Étape", "Contacts", "Inactifs depuis 30 jours", "Part"], french.Columns.Select(c => c.Header));
        Assert.Equal(["Stage", "Leads", "Inactive 30 days", "Share"], english.Columns.Select(c => c.Header));
        Assert.Equal("Abandons", french.Title);
        Assert.Equal("Considération", french.Rows[1].Cells[0].Text);
        Assert.Equal("1 234", french.Rows[1].Cells[1].Text.Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.Equal("1,234", english.Rows[1].Cells[1].Text);
        Assert.Equal(1234, english.Rows[1].Cells[1].Value);
        Assert.Equal(["The Consideration stage loses the most people."], english.Notes);
        Assert.True(english.Rows[1].Flagged);
        Assert.Equal("Consideration", Assert.Single(english.Chart.Series).Bars[1].Label);
    }

    [Fact]
    public void The_csv_of_any_result_has_its_column_keys_and_machine_values()
    {
        var csv = ReportCsv.For(DropOffResult()).ToCsv();

        Assert.Equal("stage,leads,inactive_30_days,inactive_share\r\nawareness,10,0,0\r\nconsideration,1234,617,0.5\r\n", csv);
    }

    [Fact]
    public void A_share_without_a_denominator_reads_as_a_dash_and_exports_empty()
    {
        var definition = ReportCatalog.Default.Find("funnel")!.Definition;
        var result = new ReportResult(definition, definition.Expand([], [], []), [new ReportRow(["advocacy", 0, 0, 0, null], "advocacy")], new ReportChart(ReportChartKind.Funnel, []), []);

        var shown = new ReportPresenter(Localizer(), StageModel.Default).Present(result, CultureInfo.GetCultureInfo("en-GB"));

        Assert.Equal("—", shown.Rows[0].Cells[4].Text);
        Assert.EndsWith("advocacy,0,0,0,\r\n", ReportCsv.For(result).ToCsv(), StringComparison.Ordinal);
    }

    private static ReportResult DropOffResult()
    {
        var definition = ReportCatalog.Default.Find("drop-off")!.Definition;
        return new ReportResult(
            definition,
            definition.Expand(["awareness", "consideration"], ["en"], []),
            [new ReportRow(["awareness", 10, 0, 0.0], "awareness"), new ReportRow(["consideration", 1234, 617, 0.5], "consideration", Flagged: true)],
            new ReportChart(ReportChartKind.Bars,
            [
                new ChartSeries(new(ReportValueKind.Column, "inactive_30_days"),
                [
                    new ChartPoint(new(ReportValueKind.Stage, "awareness"), 0, new(ReportValueKind.Integer, 0), "awareness"),
                    new ChartPoint(new(ReportValueKind.Stage, "consideration"), 617, new(ReportValueKind.Integer, 617), "consideration"),
                ], "drop"),
            ]),
            [new ReportNote("ReportDropOffLosesMost", [new(ReportValueKind.Stage, "consideration")])]);
    }

    private static IStringLocalizer<SharedStrings> Localizer() => new ServiceCollection()
        .AddLogging()
        .AddLocalization(o => o.ResourcesPath = "Resources")
        .BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<SharedStrings>>();

    private static HashSet<string> SharedStringKeys()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "src", "JourneyContent.Web", "Resources", "SharedStrings.resx");
            if (File.Exists(path))
            {
                return [.. XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];
            }
        }

        throw new InvalidOperationException("SharedStrings.resx not found from " + AppContext.BaseDirectory);
    }
}
