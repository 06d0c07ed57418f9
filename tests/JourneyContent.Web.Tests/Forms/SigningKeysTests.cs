using JourneyContent.Forms;
using JourneyContent.Web.Forms;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Tests.Forms;

public sealed class SigningKeysTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "jc-keys-" + Guid.NewGuid().ToString("N")[..8]);

    private SigningKeys Keys(string? configured = null) =>
        new(Options.Create(new GatedFormOptions { SigningKey = configured, KeyFile = Path.Combine(_folder, "keys", "signing.key") }));

    [Fact]
    public void A_key_is_generated_once_into_the_data_folder_with_owner_only_permissions_and_reused()
    {
        var first = Keys();
        var token = first.Links.Create(new LinkClaims(LinkClaims.Download, "lead", "en/item", Now.AddDays(1)));
        var file = Path.Combine(_folder, "keys", "signing.key");

        var second = Keys();

        Assert.Equal(LinkCheck.Valid, second.Links.Verify(token, LinkClaims.Download, Now).Check);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(file)).Length);
    }

    [Fact]
    public void A_configured_key_wins_and_links_of_another_key_are_refused()
    {
        var configured = Keys(Convert.ToBase64String(new byte[32]));
        var generated = Keys();
        var token = configured.Links.Create(new LinkClaims(LinkClaims.Download, "lead", "en/item", Now.AddDays(1)));

        Assert.Equal(LinkCheck.Tampered, generated.Links.Verify(token, LinkClaims.Download, Now).Check);
        Assert.NotEqual(configured.HashIp("1.2.3.4"), generated.HashIp("1.2.3.4"));
    }

    [Fact]
    public void Ip_addresses_are_kept_as_a_keyed_hash_only()
    {
        var keys = Keys();

        var hash = keys.HashIp("203.0.113.7");

        Assert.Matches("^[0-9a-f]{32}$", hash!);
        Assert.Equal(hash, keys.HashIp("203.0.113.7"));
        Assert.NotEqual(hash, keys.HashIp("203.0.113.8"));
        Assert.DoesNotContain("203", hash, StringComparison.Ordinal);
        Assert.Null(keys.HashIp(null));
    }

    [Theory]
    [InlineData("MinimumFillTime", "JourneyContent:Forms:MinimumFillTime")]
    [InlineData("SigningKey", "JourneyContent:Forms:SigningKey")]
    [InlineData("PublicBaseUrl", "JourneyContent:Forms:PublicBaseUrl")]
    [InlineData("Definitions", "unknown field 'shoe_size'")]
    public void Bad_settings_are_named(string setting, string message)
    {
        var options = new GatedFormOptions();
        switch (setting)
        {
            case "MinimumFillTime": options.MinimumFillTime = TimeSpan.FromHours(1); break;
            case "SigningKey": options.SigningKey = "c2hvcnQ="; break;
            case "PublicBaseUrl": options.PublicBaseUrl = "javascript:alert(1)"; break;
            default: options.Definitions["short"] = new FormDefinitionSettings { Fields = ["shoe_size"] }; break;
        }

        Assert.Contains(options.Validate(), e => e.Contains(message, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
