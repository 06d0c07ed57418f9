using JourneyContent.Delivery;
using System.Net;
using System.Text.RegularExpressions;
using JourneyContent.Forms;
using JourneyContent.Leads;
using JourneyContent.Mail;
using JourneyContent.Testing;
using JourneyContent.Web.Forms;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace JourneyContent.Site.Tests.Forms;

/// <summary>Download links and mails end to end: a real SMTP server, the pickup folder, signed links, double opt-in.</summary>
public sealed partial class DeliveryTests
{
    [Fact]
    public async Task A_real_smtp_server_receives_the_mail_and_its_link_downloads_the_pdf()
    {
        using var smtp = new SmtpServer();
        smtp.Start();
        using var site = FormVisitor.Site()
            .With("JourneyContent:Mail:Smtp:Host", smtp.Host)
            .With("JourneyContent:Mail:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("JourneyContent:Mail:Smtp:Security", "None")
            .With("JourneyContent:Mail:FromAddress", "hello@sillage.example");
        using var visitor = FormVisitor.Create(site);

        using var response = await visitor.SubmitAsync(new() { ["email"] = "ada@example.com", ["first_name"] = "Ada" }, FormVisitor.BenchmarkFr);
        var message = Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20)));
        var link = Link().Match(message.TextBody ?? "").Value;
        using var file = await visitor.Http.GetAsync(new Uri(link));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("ada@example.com", message.To.Mailboxes.Single().Address);
        Assert.Equal(("Sillage", "hello@sillage.example"), (message.From.Mailboxes.Single().Name, message.From.Mailboxes.Single().Address));
        Assert.Contains("Ada", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Comparatif", message.Subject + message.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await site.RecentMailAsync(5)).Status);
    }

    [Fact]
    public async Task Without_smtp_settings_the_mail_is_written_as_an_eml_file_in_the_data_folder()
    {
        using var site = FormVisitor.Site();
        using var visitor = FormVisitor.Create(site);

        (await visitor.SubmitAsync(new() { ["email"] = "grace@example.com" })).Dispose();
        var message = await PickedUpAsync(site, 1);

        Assert.Equal("grace@example.com", message[0].To.Mailboxes.Single().Address);
        Assert.Matches(Link(), message[0].TextBody ?? "");
    }

    [Fact]
    public async Task A_tampered_link_answers_403_and_an_expired_one_410_with_an_offer_of_a_fresh_link()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        using var site = FormVisitor.Site().WithTime(time);
        using var visitor = FormVisitor.Create(site);
        (await visitor.SubmitAsync(new() { ["email"] = "ada@example.com" })).Dispose();
        var lead = Assert.Single(await FormVisitor.LeadsAsync(site));
        var links = site.Services.GetRequiredService<SigningKeys>().Links;
        var expired = links.Create(new LinkClaims(LinkClaims.Download, lead.Id, "en/marketing-automation-platforms-compared-2026", time.GetUtcNow().AddMinutes(-1)));
        var valid = links.Create(new LinkClaims(LinkClaims.Download, lead.Id, "en/marketing-automation-platforms-compared-2026", time.GetUtcNow().AddDays(1)));
        var otherAsset = links.Create(new LinkClaims(LinkClaims.Download, lead.Id, "en/pricing", time.GetUtcNow().AddDays(1)));
        var tampered = valid[..^2] + (valid[^2] == 'A' ? "B" : "A") + valid[^1];

        using var forged = await visitor.Http.GetAsync(new Uri(GatedFormService.DownloadPath(tampered), UriKind.Relative));
        using var notGated = await visitor.Http.GetAsync(new Uri(GatedFormService.DownloadPath(otherAsset), UriKind.Relative));
        using var old = await visitor.Http.GetAsync(new Uri(GatedFormService.DownloadPath(expired), UriKind.Relative));
        var oldPage = await old.Content.ReadAsStringAsync();
        var before = (await site.RecentMailAsync(10)).Count;
        using var renewed = await visitor.Http.PostAsync(new Uri("/journey/download/renew", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["t"] = expired,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(oldPage).Groups[1].Value),
        }));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("This link is not valid", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, notGated.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, old.StatusCode);
        Assert.Contains("Send me a fresh link", oldPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Contains("A fresh link is on its way", await renewed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 1, (await site.RecentMailAsync(10)).Count);
    }

    [Fact]
    public async Task With_double_opt_in_the_link_comes_only_after_the_address_is_confirmed()
    {
        using var site = FormVisitor.Site().With("JourneyContent:Forms:DoubleOptIn", "true");
        using var visitor = FormVisitor.Create(site);

        using var response = await visitor.SubmitAsync(new() { ["email"] = "ada@example.com" });
        var thanks = await visitor.Http.GetStringAsync(response.Headers.Location);
        var confirmation = (await PickedUpAsync(site, 1))[0];
        var lead = Assert.Single(await FormVisitor.LeadsAsync(site));
        var confirmLink = Link().Match(confirmation.TextBody ?? "").Value;
        using var confirmed = await visitor.Http.GetAsync(new Uri(confirmLink));
        var mails = await PickedUpAsync(site, 2);
        using var clickedAgain = await visitor.Http.GetAsync(new Uri(confirmLink));

        Assert.Contains("/journey/confirm?t=", confirmLink, StringComparison.Ordinal);
        Assert.Contains("we sent a message to ada@example.com", thanks, StringComparison.Ordinal);
        Assert.DoesNotContain("/journey/download", thanks, StringComparison.Ordinal);
        Assert.Null(lead.EmailConfirmedAt);
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.StartsWith("/journey/thank-you?t=", confirmed.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.NotNull((await site.Services.GetRequiredService<ILeadStore>().FindAsync(lead.Id, default))!.EmailConfirmedAt);
        Assert.Contains(mails, m => (m.TextBody ?? "").Contains("/journey/download?t=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.SeeOther, clickedAgain.StatusCode);
        Assert.Equal(2, (await site.RecentMailAsync(10)).Count);
    }

    /// <summary>Waits for the sender to write at least <paramref name="count"/> .eml files into the pickup folder, and reads them in order.</summary>
    internal static async Task<List<MimeMessage>> PickedUpAsync(DemoSite site, int count)
    {
        var folder = Path.Combine(site.DataPath, "mail");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).ToList() : [];
            if (files.Count >= count)
            {
                return [.. files.Select(f => MimeMessage.Load(f))];
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Fewer than {count} mail(s) in {folder} after 10 s.");
    }

    [GeneratedRegex(@"http://localhost/journey/(download|confirm)\?t=[^\s""<]+")]
    private static partial Regex Link();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
