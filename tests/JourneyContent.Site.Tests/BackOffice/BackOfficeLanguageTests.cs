using System.Net;
using System.Text.RegularExpressions;
using JourneyContent.Editing;
using JourneyContent.Leads;
using JourneyContent.Site.BackOffice.Localization;
using JourneyContent.Site.Tests.Forms;
using JourneyContent.Site.Tests.Pages;
using JourneyContent.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.BackOffice;

/// <summary>The back office speaks the user's Accept-Language among its catalogue's languages, whatever the site's content languages.</summary>
public sealed partial class BackOfficeLanguageTests(BackOfficeLanguageTests.Fixture fixture) : IClassFixture<BackOfficeLanguageTests.Fixture>
{
    private const string AdminEmail = "admin@example.com";
    private const string AdminPassword = "a-long-configured-password";

    private static readonly string[] Pages =
    [
        "/journey/admin/content", "/journey/admin/content/edit?id={item}", "/journey/admin/coverage", "/journey/admin/audit",
        "/journey/admin/leads", "/journey/admin/leads/{lead}", "/journey/admin/reports", "/journey/admin/tracking", "/journey/admin/denied",
        "/journey/admin/outbox",
    ];

    public static TheoryData<string, string> PagesInOtherLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "fr", "de" })
        {
            foreach (var page in Pages)
            {
                data.Add(page, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInOtherLanguages))]
    public async Task A_signed_in_page_is_in_the_accepted_language_with_no_english_back_office_text(string page, string language)
    {
        using var admin = await fixture.AdminAsync(language);

        using var response = await admin.Http.GetAsync(new Uri(fixture.Path(page), UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"{page}: {response.StatusCode}");
        AssertInLanguage(html, language);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("de")]
    public async Task The_sign_in_page_and_its_field_messages_are_in_the_accepted_language(string language)
    {
        using var visitor = Anonymous(language);

        var page = await visitor.Http.GetStringAsync(new Uri("/journey/admin/sign-in", UriKind.Relative));
        var token = await visitor.TokenFromAsync("/journey/admin/sign-in");
        using var empty = await visitor.PostAsync("/journey/admin/sign-in", token, new() { ["Email"] = "", ["Password"] = "" });
        var invalid = await empty.Content.ReadAsStringAsync();

        AssertInLanguage(page, language);
        AssertInLanguage(invalid, language);
        PageWords.AssertShowsFrom(PageWords.BackOffice, invalid, language, "SignIn.EmailRequired", "SignIn.PasswordRequired");
    }

    [Fact]
    public async Task A_refused_sign_in_is_answered_in_french_to_a_french_user()
    {
        using var visitor = Anonymous("fr-FR, en;q=0.5");

        using var refused = await visitor.SignInAsync(AdminEmail, "not-the-password");
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        AssertInLanguage(html, "fr");
        PageWords.AssertShowsFrom(PageWords.BackOffice, html, "fr", "SignIn.Refused");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("es-ES, ja;q=0.8")]
    [InlineData("*")]
    public async Task Without_an_accepted_catalogue_language_the_back_office_is_english(string? acceptLanguage)
    {
        using var admin = await fixture.AdminAsync(acceptLanguage);

        var html = await admin.Http.GetStringAsync(new Uri("/journey/admin/content", UriKind.Relative));

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Content inventory", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es, de;q=0.9, fr;q=0.5", "de")]
    [InlineData("fr-CA", "fr")]
    [InlineData("DE-at;q=0.4, it", "de")]
    [InlineData("en-US, fr;q=0.9", "en")]
    [InlineData("", "en")]
    public void The_best_accepted_catalogue_language_by_quality_is_chosen(string header, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = header;

        Assert.Equal(expected, BackOfficeLanguage.FromAcceptLanguage(context.Request));
    }

    [Theory]
    [InlineData("de", @"\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}")]
    [InlineData("fr", @"\d{2}/\d{2}/\d{4} \d{2}:\d{2}")]
    public async Task Dates_on_the_leads_page_are_written_in_the_users_culture(string language, string pattern)
    {
        using var admin = await fixture.AdminAsync(language);

        var html = await admin.Http.GetStringAsync(new Uri("/journey/admin/leads", UriKind.Relative));
        var table = html[html.IndexOf("id=\"leads\"", StringComparison.Ordinal)..];

        Assert.Matches(pattern, table);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", table);
    }

    [Theory]
    [InlineData("fr", "Étape inconnue : « nirvana ».")]
    [InlineData("de", "Unbekannte Phase „nirvana“.")]
    [InlineData(null, "Unknown stage 'nirvana'.")]
    public async Task Refused_tags_are_explained_in_the_editors_language(string? language, string expected)
    {
        using var admin = await fixture.AdminAsync(language);
        var item = fixture.Site.Content.FindById(fixture.ItemId)!;
        var token = await admin.TokenFromAsync(fixture.Path("/journey/admin/content/edit?id={item}"));

        using var response = await admin.PostAsync("/journey/admin/content/edit", token, new()
        {
            ["Id"] = item.Id, ["Version"] = item.Version!, ["Kind"] = item.Kind, ["Stage"] = "nirvana", ["Secondary"] = "",
        });
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.False(response.IsSuccessStatusCode);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Equal(item.Stage, fixture.Site.Content.FindById(item.Id)!.Stage);
    }

    [Fact]
    public async Task A_public_page_keeps_the_language_of_its_url_whatever_the_visitor_accepts()
    {
        using var visitor = Anonymous("fr");

        var html = await visitor.Http.GetStringAsync(new Uri("/en", UriKind.Relative));

        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_back_office_languages_are_the_cultures_of_its_catalogue_and_each_ships_as_a_satellite()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", "JourneyContent.Site", "Resources", "BackOffice", "Localization");
        var cultures = Directory.GetFiles(folder, "BackOfficeStrings.*.resx").Select(f => Path.GetFileName(f).Split('.')[1]);

        Assert.Equal(["de", "en", "fr"], BackOfficeLanguage.Languages.Order(StringComparer.Ordinal));
        Assert.Equal(cultures.Append(BackOfficeLanguage.Default).Order(StringComparer.Ordinal), BackOfficeLanguage.Languages.Order(StringComparer.Ordinal));
        var english = PageWords.Catalogue("en", PageWords.BackOffice);
        Assert.All(BackOfficeLanguage.Languages, language => Assert.Equal(english.Count, PageWords.Catalogue(language, PageWords.BackOffice).Count));
    }

    private void AssertInLanguage(string html, string language)
    {
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        var visible = fixture.WithoutData(PageWords.Visible(html));
        Assert.Empty(PageWords.EnglishIn(visible, language, PageWords.BackOffice));
        // A key the catalogue lacks renders as its own name: none may show.
        Assert.DoesNotMatch(MissingKey(), visible);
    }

    private BackOfficeClient Anonymous(string? acceptLanguage)
    {
        var client = BackOfficeClient.Create(fixture.Site);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage ?? string.Empty);
        return client;
    }

    [GeneratedRegex(@"\b(?:BackOffice|Common|SignIn|Denied|Inventory|Edit|Coverage|Audit|Leads|Lead|Tracking|Outbox)\.[A-Z]\w*")]
    private static partial Regex MissingKey();

    /// <summary>One site with a lead, an audit entry and an admin, shared by the tests (they only read).</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly List<string> _data = [];

        public DemoSite Site { get; } = FormVisitor.Site()
            .With("JourneyContent:Admin:Email", AdminEmail)
            .With("JourneyContent:Admin:Password", AdminPassword);

        public string LeadId { get; private set; } = string.Empty;

        public string ItemId { get; private set; } = string.Empty;

        public string Path(string page) =>
            page.Replace("{lead}", LeadId, StringComparison.Ordinal).Replace("{item}", Uri.EscapeDataString(ItemId), StringComparison.Ordinal);

        public async Task<BackOfficeClient> AdminAsync(string? acceptLanguage)
        {
            var client = BackOfficeClient.Create(Site);
            if (acceptLanguage is not null)
            {
                client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
            }

            (await client.SignInAsync(AdminEmail, AdminPassword)).Dispose();
            return client;
        }

        /// <summary>The page's text without what comes from content and leads (titles, topics, names, load errors), which is in its own language.</summary>
        public string WithoutData(string visible) =>
            _data.Aggregate(visible, (text, data) => text.Replace(data, " ", StringComparison.Ordinal));

        public async Task InitializeAsync()
        {
            using (var visitor = FormVisitor.Create(Site))
            {
                await visitor.ConsentAsync();
                await visitor.PageAsync("/en/what-is-the-buyers-journey");
                (await visitor.SubmitAsync(new() { ["email"] = "ada@example.com", ["first_name"] = "Ada", ["company"] = "Sillage" })).Dispose();
            }

            await Site.StoredEventsAsync();
            var content = Site.Content;
            ItemId = content.Items.First(i => !i.IsUntagged).Id;
            using (var admin = await AdminAsync(null))
            {
                // One audit entry, so that the audit page shows its table.
                var item = content.FindById(ItemId)!;
                var token = await admin.TokenFromAsync("/journey/admin/content");
                (await admin.PostAsync("/journey/admin/content/tag", token, new() { ["Id"] = item.Id, ["Version"] = item.Version!, ["Stage"] = "decision" })).Dispose();
            }

            var lead = (await FormVisitor.LeadsAsync(Site)).Single();
            LeadId = lead.Id;
            var record = await Site.Services.GetRequiredService<ILeadStore>().RecordAsync(LeadId, CancellationToken.None);
            _data.AddRange(Site.Content.Items.SelectMany(i => new[] { i.Title }.Concat(i.Topics)));
            _data.AddRange(Site.Content.Errors.SelectMany(e => new[] { e.Message, e.Source, e.Field ?? string.Empty }));
            _data.AddRange(record!.Consents.Select(c => c.Text));
            // The tracking meter's name is code, the same in every language.
            _data.AddRange(["ada@example.com", "Ada", "Sillage", AdminEmail, "JourneyContent.Tracking"]);
            // Longest first, so that a title is removed before a topic inside it.
            _data.RemoveAll(string.IsNullOrWhiteSpace);
            _data.Sort((a, b) => b.Length.CompareTo(a.Length));
        }

        public Task DisposeAsync()
        {
            Site.Dispose();
            return Task.CompletedTask;
        }
    }
}
