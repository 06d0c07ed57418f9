using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using JourneyContent.Mail;
using JourneyContent.Sqlite;
using JourneyContent.Testing;
using JourneyContent.Web.Forms;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Site.Tests.Forms;

/// <summary>Gated forms against hostile input and hostile conditions: control characters, forged hosts, impossible links, storage that refuses writes.</summary>
public sealed partial class HostileFormTests
{
    [Theory]
    [InlineData("first_name", "Ada\r\nBcc: all@example.com", FormVisitor.Benchmark, "Use one line of text, without tabs or control characters.")]
    [InlineData("company", "Analytical\tEngines", FormVisitor.BenchmarkFr, "Saisissez une seule ligne de texte, sans tabulation ni caractère de contrôle.")]
    public async Task A_control_character_in_a_one_line_field_is_refused_on_that_field_in_the_page_language(string field, string value, string path, string message)
    {
        using var site = FormVisitor.Site();
        using var visitor = FormVisitor.Create(site);

        using var response = await visitor.SubmitAsync(new() { [field] = value }, path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var shown = Regex.Match(html, $"<p class=\"field-error\" id=\"gf-{field}-error\">([^<]*)</p>");
        Assert.True(shown.Success, $"The {field} field shows its error.");
        Assert.Equal(message, WebUtility.HtmlDecode(shown.Groups[1].Value));
        Assert.Empty(await FormVisitor.LeadsAsync(site));
    }

    [Fact]
    public async Task A_form_posted_with_a_forged_host_never_mails_a_link_to_that_host()
    {
        using var site = FormVisitor.Site();
        using var visitor = new FormVisitor(site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://evil.example/") }));

        using var response = await visitor.SubmitAsync(new() { ["email"] = "ada@example.com" });
        var mail = Assert.Single(await site.RecentMailAsync(5)).Mail;

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Contains("/journey/download?t=", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.TextBody + mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_a_public_base_url_mail_links_use_it_whatever_the_host_header()
    {
        using var site = FormVisitor.Site().With("JourneyContent:Forms:PublicBaseUrl", "https://www.sillage.example/");
        using var visitor = new FormVisitor(site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://evil.example/") }));

        (await visitor.SubmitAsync(new() { ["email"] = "ada@example.com" })).Dispose();
        var mail = Assert.Single(await site.RecentMailAsync(5)).Mail;

        Assert.Contains("https://www.sillage.example/journey/download?t=", mail.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99999999999999999")]
    [InlineData("-99999999999999999")]
    public async Task A_genuinely_signed_download_link_with_an_impossible_expiry_answers_403(string expiry)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using var site = FormVisitor.Site().With("JourneyContent:Forms:SigningKey", Convert.ToBase64String(key));
        using var client = site.CreateClient(new() { AllowAutoRedirect = false });
        var item = site.Content.Items.First(i => i.IsGated);
        // The site derives its link key from the configured one (SigningKeys.Derive("links")).
        var linkKey = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("JourneyContent/links"));
        var payload = Encoding.UTF8.GetBytes($"download\nlead1\n{item.Id}\n{expiry}");
        var token = Base64Url(payload) + "." + Base64Url(HMACSHA256.HashData(linkKey, payload));

        using var response = await client.GetAsync(new Uri(GatedFormService.DownloadPath(token), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_read_only_database_during_a_post_gives_a_503_page_in_the_visitors_language_that_keeps_the_input_and_writes_nothing()
    {
        using var site = FormVisitor.Site();
        using var visitor = FormVisitor.Create(site);
        var html = await visitor.PageAsync(FormVisitor.BenchmarkFr);
        var database = site.Services.GetRequiredService<SqliteConnectionFactory>().DatabasePath;

        HttpResponseMessage response;
        using (ReadOnlyFiles.Make(database))
        {
            response = await visitor.SubmitAsync(new() { ["email"] = "ada@example.com", ["first_name"] = "Ada", ["company"] = "Analytical Engines" }, FormVisitor.BenchmarkFr);
        }

        using (response)
        {
            var page = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("Nous n&#x27;avons pas pu enregistrer votre demande", page, StringComparison.Ordinal);
            Assert.Contains("value=\"Ada\"", page, StringComparison.Ordinal);
            Assert.Contains("value=\"Analytical Engines\"", page, StringComparison.Ordinal);
            Assert.Contains("value=\"ada@example.com\"", page, StringComparison.Ordinal);
        }

        Assert.NotEmpty(html);
        Assert.Empty(await FormVisitor.LeadsAsync(site));
        Assert.Empty(await site.RecentMailAsync(5));
    }

    [Fact]
    public async Task A_form_sent_faster_than_a_person_can_fill_it_is_refused_and_one_sent_after_the_minimum_fill_time_is_taken()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        using var site = new DemoSite().With("JourneyContent:Forms:MinimumFillTime", "00:00:03").WithTime(time);
        using var robot = FormVisitor.Create(site);
        using var person = FormVisitor.Create(site);

        using var tooFast = await robot.SubmitAsync(new() { ["email"] = "bot@example.com" }, before: () => time.Advance(TimeSpan.FromSeconds(2.9)));
        using var inTime = await person.SubmitAsync(new() { ["email"] = "ada@example.com" }, before: () => time.Advance(TimeSpan.FromSeconds(3)));

        Assert.Equal(HttpStatusCode.BadRequest, tooFast.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, inTime.StatusCode);
        Assert.Equal("ada@example.com", Assert.Single(await FormVisitor.LeadsAsync(site)).Email);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Makes a SQLite database and its WAL files refuse writes, and gives them back on dispose.</summary>
    /// <remarks>Root ignores file modes, so as root the files are made immutable (chattr +i) instead of read-only.</remarks>
    private sealed class ReadOnlyFiles : IDisposable
    {
        private readonly string[] _files;

        private ReadOnlyFiles(string[] files) => _files = files;

        public static ReadOnlyFiles Make(string database)
        {
            // Idle pooled connections keep the old, writable mapping of the WAL index: close them, and fold the WAL in.
            SqliteConnection.ClearAllPools();
            using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                connection.Open();
                using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                checkpoint.ExecuteNonQuery();
            }

            var files = new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists).ToArray();
            foreach (var file in files)
            {
                Protect(file, on: true);
            }

            return new ReadOnlyFiles(files);
        }

        public void Dispose()
        {
            foreach (var file in _files)
            {
                Protect(file, on: false);
            }

            SqliteConnection.ClearAllPools();
        }

        private static void Protect(string file, bool on)
        {
            if (Environment.IsPrivilegedProcess)
            {
                using var chattr = System.Diagnostics.Process.Start("chattr", [on ? "+i" : "-i", file])!;
                chattr.WaitForExit();
                Assert.Equal(0, chattr.ExitCode);
            }
            else if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, on ? UnixFileMode.UserRead | UnixFileMode.GroupRead : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
            }
        }
    }
}
