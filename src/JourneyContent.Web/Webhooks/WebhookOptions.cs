using JourneyContent.Delivery;
using JourneyContent.Webhooks;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Webhooks;

/// <summary>The <c>JourneyContent:Webhooks</c> settings: where CRM webhooks are posted and how they are signed.</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section these settings are bound from.</summary>
    public const string Section = "JourneyContent:Webhooks";

    /// <summary>The absolute http or https URL that receives <c>lead.captured</c>; null or empty turns that event off.</summary>
    public string? LeadCapturedUrl { get; set; }

    /// <summary>The absolute http or https URL that receives <c>lead.stage_changed</c>; null or empty turns that event off.</summary>
    public string? StageChangedUrl { get; set; }

    /// <summary>
    /// The Standard Webhooks secret that signs every request, <c>whsec_</c> + base64 of a 24 to 64 byte key (generate one with
    /// <c>WebhookSignature.NewSecret()</c> or <c>openssl rand -base64 32</c>); required when a URL is set. A secret without the
    /// prefix (at least 16 characters) is still accepted and used as its UTF-8 bytes.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long one request may take before it counts as failed (default 10 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>When a failed message is tried again, section <c>JourneyContent:Webhooks:Retry</c>: 30 s, doubling from 1 min, capped at 6 h, 10 attempts.</summary>
    public OutboxRetryPolicy Retry { get; set; } = OutboxRetryPolicy.WebhookDefaults();

    /// <summary>The shortest secret accepted: shorter ones can be guessed offline from one signed request.</summary>
    public const int MinimumSecretLength = 16;

    /// <summary>The problems with <paramref name="options"/>, each naming its configuration key; empty when they are valid.</summary>
    public static IReadOnlyList<string> Validate(WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        CheckUrl(options.LeadCapturedUrl, nameof(LeadCapturedUrl), errors);
        CheckUrl(options.StageChangedUrl, nameof(StageChangedUrl), errors);
        var anyUrl = !string.IsNullOrWhiteSpace(options.LeadCapturedUrl) || !string.IsNullOrWhiteSpace(options.StageChangedUrl);
        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            if (anyUrl)
            {
                errors.Add($"{Section}:{nameof(Secret)} is required when a webhook URL is set: receivers use it to check the signature.");
            }
        }
        else if (options.Secret.StartsWith(WebhookSignature.SecretPrefix, StringComparison.Ordinal))
        {
            if (WebhookSignature.KeyOf(options.Secret) is null)
            {
                errors.Add($"{Section}:{nameof(Secret)} starts with {WebhookSignature.SecretPrefix} but is not followed by the base64 of a {WebhookSignature.MinimumKeyBytes} to {WebhookSignature.MaximumKeyBytes} byte key.");
            }
        }
        else if (options.Secret.Length < MinimumSecretLength)
        {
            errors.Add($"{Section}:{nameof(Secret)} must be at least {MinimumSecretLength} characters long.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:{nameof(Timeout)} must be positive.");
        }

        errors.AddRange(options.Retry.Validate($"{Section}:{nameof(Retry)}"));
        return errors;
    }

    private static void CheckUrl(string? url, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{Section}:{key} must be an absolute http or https URL, or empty to turn the webhook off.");
        }
    }
}

/// <summary>Runs <see cref="WebhookOptions.Validate"/> for the options system, so that a bad setting stops the site at start.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var errors = WebhookOptions.Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
