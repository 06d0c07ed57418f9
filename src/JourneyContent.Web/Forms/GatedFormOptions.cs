using JourneyContent.Forms;
using JourneyContent.Leads;

namespace JourneyContent.Web.Forms;

/// <summary>Gated forms, leads and downloads; bound from <c>JourneyContent:Forms</c>.</summary>
public sealed class GatedFormOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "JourneyContent:Forms";

    /// <summary>When true, the download link is mailed only after the address is confirmed through a first mail.</summary>
    public bool DoubleOptIn { get; set; }

    /// <summary>A form sent sooner than this after it was shown is taken for a robot's.</summary>
    public TimeSpan MinimumFillTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a download link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long an address confirmation link works.</summary>
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>The version of the consent text; a lead who agreed to it is not asked again. Change it when the text changes.</summary>
    public string ConsentVersion { get; set; } = "2026-11";

    /// <summary>The consent text per language; the built-in text when empty.</summary>
    public Dictionary<string, string> ConsentText { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The privacy policy's URL per language; <c>/{language}/privacy</c> when absent.</summary>
    public Dictionary<string, string> PrivacyPolicyUrl { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The privacy policy's URL in <paramref name="language"/>: the configured one, else <c>/{language}/privacy</c>.</summary>
    public string PrivacyPolicyUrlFor(string language) =>
        PrivacyPolicyUrl.TryGetValue(language, out var url) && !string.IsNullOrWhiteSpace(url) ? url : $"/{language}/privacy";

    /// <summary>Named forms that items choose with <c>form: name</c>; <c>default</c> replaces the built-in default form.</summary>
    public Dictionary<string, FormDefinitionSettings> Definitions { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Form submissions allowed per IP address in <see cref="RateLimitWindow"/>.</summary>
    public int PerIpLimit { get; set; } = 10;

    /// <summary>Form submissions allowed per email address in <see cref="RateLimitWindow"/>.</summary>
    public int PerEmailLimit { get; set; } = 5;

    /// <summary>The window of both rate limits.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The site's public address for links in mails (<c>https://www.example.com</c>); the request's address when empty.</summary>
    /// <remarks>Set it in production: otherwise a forged Host header could make a mail point elsewhere (hosts are also filtered by <c>AllowedHosts</c>).</remarks>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The name mails are signed with.</summary>
    public string SiteName { get; set; } = "JourneyContent";

    /// <summary>The signing key of links (base64, at least 32 bytes); when empty, one is generated into <see cref="KeyFile"/> on first start.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Where the generated key is kept (the host sets it inside its data folder).</summary>
    public string? KeyFile { get; set; }

    /// <summary>Where the generated key goes in the host's <see cref="DataFolder"/> when <see cref="KeyFile"/> is not set.</summary>
    public static readonly string[] DefaultKeyFile = ["keys", "signing.key"];

    /// <summary>Erase leads inactive for this many months; 0 keeps them until erased by hand.</summary>
    public int RetentionMonths { get; set; }

    /// <summary>The rules of the lead capture use case.</summary>
    public LeadFormSettings ToCaptureSettings() => new()
    {
        DoubleOptIn = DoubleOptIn,
        MinimumFillTime = MinimumFillTime,
        LinkLifetime = LinkLifetime,
        ConfirmationLifetime = ConfirmationLifetime,
        ConsentVersion = ConsentVersion,
        PerEmailLimit = PerEmailLimit,
        RateLimitWindow = RateLimitWindow,
        SiteName = SiteName,
    };

    /// <summary>The problems of these settings, each naming its key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MinimumFillTime < TimeSpan.Zero || MinimumFillTime > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{Section}:MinimumFillTime must be between 0 and 5 minutes.");
        }

        if (LinkLifetime <= TimeSpan.Zero || ConfirmationLifetime <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:LinkLifetime and ConfirmationLifetime must be positive.");
        }

        if (PerIpLimit < 1 || PerEmailLimit < 1 || RateLimitWindow <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:PerIpLimit, PerEmailLimit and RateLimitWindow must be positive.");
        }

        if (string.IsNullOrWhiteSpace(ConsentVersion))
        {
            errors.Add($"{Section}:ConsentVersion is required.");
        }

        if (RetentionMonths < 0)
        {
            errors.Add($"{Section}:RetentionMonths must be 0 (off) or more.");
        }

        if (!string.IsNullOrEmpty(PublicBaseUrl) && !(Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add($"{Section}:PublicBaseUrl must be an absolute http(s) address, not '{PublicBaseUrl}'.");
        }

        if (!string.IsNullOrEmpty(SigningKey) && !(TryKey(SigningKey, out var key) && key.Length >= 32))
        {
            errors.Add($"{Section}:SigningKey must be base64 of at least 32 bytes (for example the output of: openssl rand -base64 32).");
        }

        foreach (var (name, definition) in Definitions)
        {
            foreach (var field in definition.Fields.Concat(definition.Required).Where(f => !FormFieldNames.Optional.Contains(f)))
            {
                errors.Add($"{Section}:Definitions:{name}: unknown field '{field}'. Known fields: {string.Join(", ", FormFieldNames.Optional)}.");
            }

            foreach (var field in definition.Required.Where(r => !definition.Fields.Contains(r, StringComparer.Ordinal)))
            {
                errors.Add($"{Section}:Definitions:{name}:Required lists '{field}', which is not in its Fields.");
            }
        }

        return errors;
    }

    internal static bool TryKey(string text, out byte[] key)
    {
        key = new byte[text.Length];
        if (Convert.TryFromBase64String(text.Trim(), key, out var written))
        {
            key = key[..written];
            return true;
        }

        return false;
    }
}

/// <summary>A named form in configuration.</summary>
public sealed class FormDefinitionSettings
{
    /// <summary>The optional fields shown, in order (<c>first_name</c>, <c>company</c>…).</summary>
    public List<string> Fields { get; set; } = [];

    /// <summary>Those of the fields that must be filled.</summary>
    public List<string> Required { get; set; } = [];
}
