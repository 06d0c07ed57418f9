using System.Net;
using System.Text.RegularExpressions;
using JourneyContent.Leads;
using JourneyContent.Mail;
using JourneyContent.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.Forms;

/// <summary>The gated benchmark's form on the demo site: validation, anti-spam, leads, links and mails, against the real SQLite file.</summary>
public sealed partial class GatedFormTests
{
    public static TheoryData<string, string, string, string> BadSubmissions => new()
    {
        // field, value, path, message expected in the page's language
        { "email", "", FormVisitor.Benchmark, "Work email: this field is required." },
        { "email", "ada-at-example.com", FormVisitor.Benchmark, "Enter an email address such as name@company.com." },
        { "email", "ada@example", FormVisitor.BenchmarkFr, "Saisissez une adresse e-mail comme nom@entreprise.fr." },
        { "consent", "", FormVisitor.Benchmark, "Tick the box to receive the document." },
        { "consent", "", FormVisitor.BenchmarkFr, "Cochez la case pour recevoir le document." },
        { "first_name", new string('x', 101), FormVisitor.Benchmark, "This field is limited to 100 characters." },
        { "company", new string('c', 151), FormVisitor.BenchmarkFr, "Ce champ est limité à 150 caractères." },
        { "project_stage", "shopping", FormVisitor.Benchmark, "Choose one of the options." },
        { "project_stage", "advocacy", FormVisitor.Benchmark, "Choose one of the options." },
    };

    [Theory]
    [InlineData(FormVisitor.Benchmark, "Just exploring", "Comparing solutions", "Ready to choose", "Already a customer")]
    [InlineData(FormVisitor.BenchmarkFr, "Je me renseigne", "Je compare des solutions", "Je suis prêt à choisir", "Je suis déjà client")]
    public async Task The_project_question_offers_the_buyers_own_answers_mapped_to_stages(string path, string awareness, string consideration, string decision, string loyalty)
    {
        using var site = FormVisitor.Site();
        using var visitor = FormVisitor.Create(site);

        var html = WebUtility.HtmlDecode(await visitor.PageAsync(path));

        var select = html[html.IndexOf("name=\"project_stage\"", StringComparison.Ordinal)..];
        select = select[..select.IndexOf("</select>", StringComparison.Ordinal)];
        Assert.Equal(
            ["", "awareness", "consideration", "decision", "loyalty"],
            Regex.Matches(select, "<option value=\"([^\"]*)\"").Select(m => m.Groups[1].Value));
        Assert.Contains($">{awareness}</option>", select, StringComparison.Ordinal);
        Assert.Contains($">{consideration}</option>", select, StringComparison.Ordinal);
        Assert.Contains($">{decision}</option>", select, StringComparison.Ordinal);
        Assert.Contains($">{loyalty}</option>", select, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_refusal_the_error_summary_takes_the_focus()
    {
        using var site = FormVisitor.Site();
        using var visitor = FormVisitor.Create(site);

        using var response = await visitor.SubmitAsync(new() { ["email"] = "not-an-email" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<div class=\"form-errors\" role=\"alert\" tabindex=\"-1\" id=\"gf-errors\" autofocus>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task Bad_input_gets_a_message_on_its_field_in_the_page_language_keeps_the_input_and_stores_nothing(string field, string value, string path, string message)
    {
        using var site = FormVisitor.Site();
        using var visitor = FormVisitor.Create(site);

        var kept = field == "first_name" ? "company" : "first_name";
        using var response = await visitor.SubmitAsync(new() { [field] = value, [kept] = "Kept <b>as typed</b>" }, path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var shown = Regex.Match(html, $"<p class=\"field-error\" id=\"gf-{field}-error\">([^<]*)</p>");
        Assert.True(shown.Success, $"The {field} field shows its error.");
        Assert.Equal(message.Replace(" :", "\u00a0:", StringComparison.Ordinal), WebUtility.HtmlDecode(shown.Groups[1].Value));
        Assert.Contains("value=\"Kept &lt;b&gt;as typed&lt;/b&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"gf-" + field + "-error\"", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Empty(await FormVisitor.LeadsAsync(site));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("", false)]
    public async Task The_consent_box_comes_back_as_the_visitor_left_it_when_another_field_is_refused(string consent, bool ticked)
    {
        using var site = FormVisitor.Site();
        using var visitor = FormVisitor.Create(site);

        using var response = await visitor.SubmitAsync(new() { ["email"] = "not-an-address", ["consent"] = consent });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var box = Regex.Match(html, "<input id=\"gf-consent\"[^>]*>").Value;
        Assert.NotEmpty(box);
        Assert.Equal(ticked, box.Contains("checked=\"checked\"", StringComparison.Ordinal));
        Assert.Contains(ticked ? "Please correct 1 field:" : "Please correct 2 fields:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(s)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_tag_in_a_name_is_stored_as_typed_and_shown_escaped()
    {
        using var site = FormVisitor.Site();
        using var visitor = FormVisitor.Create(site);
        await visitor.ConsentAsync();

        using var response = await visitor.SubmitAsync(new() { ["first_name"] = "<script>alert(1)</script>", ["company"] = "Sillage" });
        var again = await visitor.PageAsync();

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("<script>alert(1)</script>", Assert.Single(await FormVisitor.LeadsAsync(site)).Profile.FirstName);
        Assert.Contains("Welcome back, &lt;script&gt;alert(1)&lt;/script&gt;.", again, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_submission_stores_the_lead_before_the_thank_you_page_which_offers_the_download()
    {
        using var site = FormVisitor.Site();
        using var visitor = FormVisitor.Create(site);

        using var response = await visitor.SubmitAsync(new()
        {
            ["email"] = "  Ada.Lovelace@EXAMPLE.com ", ["first_name"] = "Ada", ["company"] = "Analytical Engines", ["project_stage"] = "consideration",
            ["src_utm_source"] = "newsletter", ["src_utm_campaign"] = "autumn",
        });
        var lead = Assert.Single(await FormVisitor.LeadsAsync(site));
        var thanks = await visitor.Http.GetStringAsync(response.Headers.Location);
        var download = Href().Match(thanks).Groups[1].Value;
        using var file = await visitor.Http.GetAsync(new Uri(WebUtility.HtmlDecode(download), UriKind.Relative));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(("Ada.Lovelace@example.com", "Ada", "Analytical Engines", "consideration"), (lead.Email, lead.Profile.FirstName, lead.Profile.Company, lead.DeclaredStage));
        Assert.Equal(("newsletter", "autumn", FormVisitor.Benchmark), (lead.Source.UtmSource, lead.Source.UtmCampaign, lead.Source.LandingPage));
        Assert.Contains("We also sent the link to Ada.Lovelace@example.com.", thanks, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await file.Content.ReadAsByteArrayAsync())[..4]), StringComparison.Ordinal);
        var record = await site.Services.GetRequiredService<ILeadStore>().RecordAsync(lead.Id, default);
        Assert.Equal(1, Assert.Single(record!.Downloads).Downloads);
        var consent = Assert.Single(record.Consents);
        Assert.Equal("2026-11", consent.Version);
        // The test server has no remote address, and no hash is made up for it (the hash itself: SigningKeysTests).
        Assert.Null(consent.IpHash);
        var mail = Assert.Single(await site.RecentMailAsync(10));
        Assert.Equal(("download", "Ada.Lovelace@example.com"), (mail.Mail.Purpose, mail.Mail.To));
        Assert.Contains(WebUtility.HtmlDecode(download), mail.Mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leads_are_deduplicated_by_normalised_email_and_known_fields_are_not_asked_again()
    {
        using var site = FormVisitor.Site();
        using var visitor = FormVisitor.Create(site);
        await visitor.ConsentAsync();

        (await visitor.SubmitAsync(new() { ["email"] = "grace@NAVY.mil", ["first_name"] = "Grace", ["company"] = "Navy" })).Dispose();
        var again = await visitor.PageAsync();
        (await visitor.SubmitAsync(new() { ["email"] = "grace@navy.mil", ["consent"] = "" })).Dispose();

        var lead = Assert.Single(await FormVisitor.LeadsAsync(site));
        Assert.Equal(("grace@navy.mil", "Grace", "Navy"), (lead.Email, lead.Profile.FirstName, lead.Profile.Company));
        Assert.Contains("value=\"grace@navy.mil\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"first_name\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"company\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"consent\"", again, StringComparison.Ordinal);
        Assert.Contains("name=\"project_stage\"", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filled_honeypot_is_refused_and_nothing_is_stored()
    {
        using var site = FormVisitor.Site();
        using var visitor = FormVisitor.Create(site);

        using var response = await visitor.SubmitAsync(new() { ["website"] = "http://spam.example" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("We could not accept this form.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await FormVisitor.LeadsAsync(site));
        Assert.Empty(await site.RecentMailAsync(10));
    }

    [Fact]
    public async Task A_form_sent_faster_than_a_person_can_fill_it_is_refused()
    {
        // The site's clock stands still: the post comes 0 s after the page, however slow the machine (MinimumFillTime is 3 s).
        using var site = new DemoSite().WithTime(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
        using var visitor = FormVisitor.Create(site);

        using var response = await visitor.SubmitAsync(new() { ["first_name"] = "Bot" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await FormVisitor.LeadsAsync(site));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-stamp")]
    public async Task A_missing_or_forged_stamp_asks_to_send_the_form_again(string stamp)
    {
        using var site = FormVisitor.Site();
        using var visitor = FormVisitor.Create(site);

        using var response = await visitor.SubmitAsync(new() { ["form_stamp"] = stamp });

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("The form expired. Please send it again.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await FormVisitor.LeadsAsync(site));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var site = FormVisitor.Site();
        using var visitor = FormVisitor.Create(site);

        using var response = await visitor.SubmitAsync(new() { ["__RequestVerificationToken"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await FormVisitor.LeadsAsync(site));
    }

    [Fact]
    public async Task Too_many_posts_from_one_address_get_a_clear_429_page()
    {
        using var site = FormVisitor.Site().With("JourneyContent:Forms:PerIpLimit", "2");
        using var visitor = FormVisitor.Create(site);

        for (var i = 0; i < 2; i++)
        {
            using var accepted = await visitor.SubmitAsync(new() { ["email"] = $"person{i}@example.com" });
            Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        }

        using var refused = await visitor.SubmitAsync(new() { ["email"] = "person3@example.com" }, FormVisitor.BenchmarkFr);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Contains("Trop de tentatives", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await FormVisitor.LeadsAsync(site)).Count);
    }

    [Fact]
    public async Task Form_posts_and_link_renewals_draw_on_one_per_ip_count_and_get_the_same_429_page()
    {
        using var site = FormVisitor.Site().With("JourneyContent:Forms:PerIpLimit", "2");
        using var visitor = FormVisitor.Create(site);
        using var accepted = await visitor.SubmitAsync(new() { ["email"] = "first@example.com" });
        using var renewal = await visitor.Http.PostAsync(new Uri("/journey/download/renew", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["t"] = "forged" }));

        using var refusedForm = await visitor.SubmitAsync(new() { ["email"] = "second@example.com" });
        using var refusedRenewal = await visitor.Http.PostAsync(new Uri("/journey/download/renew", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["t"] = "forged" }));

        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, renewal.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedForm.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedRenewal.StatusCode);
        foreach (var refused in new[] { refusedForm, refusedRenewal })
        {
            var page = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.Headers.RetryAfter is not null);
            Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Too many attempts", page, StringComparison.Ordinal);
            Assert.Contains("<footer", page, StringComparison.Ordinal);
        }

        Assert.Single(await FormVisitor.LeadsAsync(site));
    }

    [Fact]
    public async Task An_address_over_the_per_ip_limit_may_post_again_once_the_window_has_passed_on_the_site_clock()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        using var site = FormVisitor.Site().With("JourneyContent:Forms:PerIpLimit", "1").With("JourneyContent:Forms:RateLimitWindow", "00:10:00").WithTime(time);
        using var visitor = FormVisitor.Create(site);
        using var first = await visitor.SubmitAsync(new() { ["email"] = "first@example.com" });
        time.Advance(TimeSpan.FromMinutes(4));

        using var refused = await visitor.SubmitAsync(new() { ["email"] = "second@example.com" });
        time.Advance(TimeSpan.FromMinutes(6));
        using var again = await visitor.SubmitAsync(new() { ["email"] = "third@example.com" });

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(6), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Equal(2, (await FormVisitor.LeadsAsync(site)).Count);
    }

    [Fact]
    public async Task Too_many_posts_for_one_email_are_limited_too()
    {
        using var site = FormVisitor.Site().With("JourneyContent:Forms:PerEmailLimit", "1");
        using var first = FormVisitor.Create(site);
        using var second = FormVisitor.Create(site);

        using var accepted = await first.SubmitAsync(new() { ["email"] = "target@example.com" });
        using var refused = await second.SubmitAsync(new() { ["email"] = "TARGET@example.com" });

        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<a class=\"button\" href=\"([^\"]+)\" data-download=")]
    private static partial Regex Href();
}
