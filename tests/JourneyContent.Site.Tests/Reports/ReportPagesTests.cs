using System.Net;
using System.Text;
using JourneyContent.Editing;
using JourneyContent.Reports.Catalog;
using JourneyContent.Stages;
using JourneyContent.Site.Tests.Forms;
using JourneyContent.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.Reports;

/// <summary>The report pages and exports as a marketer uses them, over data made through the site itself.</summary>
public sealed class ReportPagesTests : IAsyncLifetime
{
    private readonly DemoSite _site = FormVisitor.Site();
    private BackOfficeClient _marketer = null!;

    public async Task InitializeAsync()
    {
        // Two consenting visitors: one reads in English and asks for the benchmark, one reads in French.
        using var english = FormVisitor.Create(_site);
        await english.ConsentAsync();
        foreach (var page in new[] { "/en/what-is-the-buyers-journey", "/en/nordlys-logistics-shortened-its-sales-cycle", "/en/atelier-berthe-doubled-qualified-leads" })
        {
            await english.PageAsync(page);
        }

        (await english.SubmitAsync(new() { ["email"] = "ada@example.com", ["first_name"] = "=HYPERLINK(\"http://evil.example\",\"x\")", ["company"] = "Sillage, Inc." })).Dispose();
        using var french = FormVisitor.Create(_site);
        await french.ConsentAsync();
        await french.PageAsync("/fr/qu-est-ce-que-le-parcours-d-achat");
        await _site.StoredEventsAsync();
        var password = await BackOfficeClient.CreateAccountAsync(_site, "marketer@example.com", JourneyRoles.Marketer);
        _marketer = BackOfficeClient.Create(_site);
        (await _marketer.SignInAsync("marketer@example.com", password)).Dispose();
    }

    public Task DisposeAsync()
    {
        _marketer.Dispose();
        _site.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("funnel", "Conversion to next")]
    [InlineData("transitions", "Median time in stage")]
    [InlineData("content", "Nordlys Logistics shortened its sales cycle by a third")]
    [InlineData("gated", "Marketing-automation platforms compared (2026 edition)")]
    [InlineData("drop-off", "Inactive 30 days")]
    [InlineData("coverage", "Calls to action")]
    [InlineData("trend", "Week of")]
    public async Task Each_report_shows_a_chart_and_its_data_table(string report, string expected)
    {
        var html = await _marketer.Http.GetStringAsync(new Uri("/journey/admin/reports/" + report, UriKind.Relative));

        Assert.Matches("<svg [^>]*role=\"img\"", html);
        Assert.Contains("id=\"report-table\"", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(expected), html, StringComparison.Ordinal);
    }

    /// <summary>Every report of the catalogue, by key: a report added to the catalogue is tested here without a new line.</summary>
    public static TheoryData<string> CatalogueReports() => [.. ReportCatalog.Default.Reports.Select(r => r.Definition.Key)];

    [Theory]
    [MemberData(nameof(CatalogueReports))]
    public async Task Every_catalogue_report_renders_its_chart_and_a_table_of_its_declared_columns(string report)
    {
        var columns = DeclaredColumns(report);

        var html = await _marketer.Http.GetStringAsync(new Uri("/journey/admin/reports/" + report, UriKind.Relative));

        Assert.Matches("<svg [^>]*role=\"img\"", html);
        Assert.Contains("id=\"report-table\"", html, StringComparison.Ordinal);
        Assert.Equal(columns, System.Text.RegularExpressions.Regex.Matches(html, "<th scope=\"col\" data-column=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        foreach (var entry in ReportCatalog.Default.Reports)
        {
            Assert.Contains($"href=\"/journey/admin/reports/{entry.Definition.Key}\"", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(CatalogueReports))]
    public async Task Every_catalogue_report_exports_csv_with_its_declared_columns_that_python_reads_under_both_separators(string report)
    {
        var columns = DeclaredColumns(report);

        var bytes = await _marketer.Http.GetByteArrayAsync(new Uri("/journey/admin/reports/" + report + "?format=csv", UriKind.Relative));

        var csv = await PythonCsvReader.ReadAsync(bytes);
        Assert.Equal(columns, csv.Header);
        Assert.Empty(csv.Problems(columns.Count));
        Assert.NotEmpty(csv.Rows);
    }

    [Fact]
    public async Task The_funnel_counts_the_visitors_and_the_lead_and_narrows_to_french()
    {
        var all = await _marketer.Http.GetStringAsync(new Uri("/journey/admin/reports/funnel?format=csv", UriKind.Relative));
        var french = await _marketer.Http.GetStringAsync(new Uri("/journey/admin/reports/funnel?lang=fr&format=csv", UriKind.Relative));

        // English visitor: consideration after two case studies and the benchmark form; French visitor: awareness.
        Assert.Contains("awareness,1,0,2,", all, StringComparison.Ordinal);
        Assert.Contains("consideration,1,1,1,", all, StringComparison.Ordinal);
        Assert.Contains("awareness,1,0,1,", french, StringComparison.Ordinal);
        Assert.Contains("consideration,0,0,0,", french, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_exports_are_utf8_with_a_bom_quoted_and_safe_from_formulas()
    {
        using var response = await _marketer.Http.GetAsync(new Uri("/journey/admin/leads?format=csv", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.StartsWith("id,email,first_name,", text, StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",", text, StringComparison.Ordinal);
        Assert.Contains(",\"Sillage, Inc.\",", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_leads_export_reads_back_in_python_with_every_column_under_both_separators_and_no_formula()
    {
        var bytes = await _marketer.Http.GetByteArrayAsync(new Uri("/journey/admin/leads?format=csv", UriKind.Relative));

        var csv = await PythonCsvReader.ReadAsync(bytes);

        Assert.Empty(csv.Problems(17));
        Assert.Contains(csv.Rows, row => row.Contains("'=HYPERLINK(\"http://evil.example\",\"x\")") && row.Contains("Sillage, Inc."));
    }

    [Fact]
    public async Task The_lead_page_shows_the_timeline_of_stage_changes_and_reading_in_order()
    {
        var list = await _marketer.Http.GetStringAsync(new Uri("/journey/admin/leads?q=ada", UriKind.Relative));
        var id = System.Text.RegularExpressions.Regex.Match(list, "/journey/admin/leads/([0-9a-f]{32})").Groups[1].Value;

        var page = await _marketer.Http.GetStringAsync(new Uri("/journey/admin/leads/" + id, UriKind.Relative));
        var timeline = page[page.IndexOf("id=\"lead-timeline\"", StringComparison.Ordinal)..];

        var read = timeline.IndexOf("view: What is the buyer&#x27;s journey?", StringComparison.Ordinal);
        var caseStudy = timeline.IndexOf("view: Nordlys Logistics", StringComparison.Ordinal);
        var stage = timeline.IndexOf("Stage: — → Consideration", StringComparison.Ordinal);
        var submitted = timeline.IndexOf("form submit: Marketing-automation platforms compared", StringComparison.Ordinal);
        Assert.True(read >= 0 && caseStudy > read && stage > caseStudy && submitted > caseStudy, "The timeline lists the reading, then the stage the lead was captured in and the form.");
        Assert.DoesNotContain("href=\"http://evil.example\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(JourneyRoles.Editor)]
    public async Task Editors_are_refused(string role)
    {
        var password = await BackOfficeClient.CreateAccountAsync(_site, "other@example.com", role);
        using var editor = BackOfficeClient.Create(_site);
        (await editor.SignInAsync("other@example.com", password)).Dispose();

        using var page = await editor.Http.GetAsync(new Uri("/journey/admin/reports/funnel", UriKind.Relative));
        using var csv = await editor.Http.GetAsync(new Uri("/journey/admin/reports/funnel?format=csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/journey/admin/denied", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, csv.StatusCode);
    }

    [Fact]
    public async Task Visitors_are_sent_to_sign_in()
    {
        using var visitor = BackOfficeClient.Create(_site);

        using var page = await visitor.Http.GetAsync(new Uri("/journey/admin/reports/funnel?format=csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/journey/admin/sign-in", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>The column keys a report declares, repeated columns expanded over the demo site's stages, languages and kinds.</summary>
    private List<string> DeclaredColumns(string report)
    {
        var stages = _site.Services.GetRequiredService<StageModel>();
        var definition = ReportCatalog.Default.Find(report)!.Definition;
        return [.. definition.Expand([.. stages.Stages.Select(s => s.Key)], _site.Content.Languages, [.. stages.Kinds.Select(k => k.Key)]).Select(c => c.Key)];
    }

    [Fact]
    public async Task A_bad_date_is_reported_and_ignored()
    {
        var html = await _marketer.Http.GetStringAsync(new Uri("/journey/admin/reports/trend?from=27/11/2026", UriKind.Relative));

        Assert.Contains("The start date must be written yyyy-MM-dd; it was ignored.", html, StringComparison.Ordinal);
    }
}
