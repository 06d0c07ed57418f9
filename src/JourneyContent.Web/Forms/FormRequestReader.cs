using JourneyContent.Forms;
using JourneyContent.Leads;
using JourneyContent.Web.Pages;
using JourneyContent.Web.Tracking;
using Microsoft.AspNetCore.Http;

namespace JourneyContent.Web.Forms;

/// <summary>Reads what the lead capture needs from an HTTP request: the visitor, the member, the IP hash, the link base and the form.</summary>
public sealed class FormRequestReader(JourneyTracker tracker, SigningKeys keys, ISiteMemberAccessor members, PublicOrigin origin)
{
    /// <summary>The name of the honeypot field: hidden from people, tempting to robots.</summary>
    public const string HoneypotField = "website";

    /// <summary>The name of the stamp field.</summary>
    public const string StampField = "form_stamp";

    /// <summary>The tracking visitor id, when tracking is allowed.</summary>
    public string? VisitorId(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cookie = context.Request.Cookies[TrackingRequest.VisitorCookie];
        return cookie is not null && TrackingRequest.IsVisitorId(cookie) && tracker.VisitorId(context) is not null ? cookie : null;
    }

    /// <summary>The visitor id to record the submission under (a fresh one when consent was just given), when tracking is allowed.</summary>
    public string? TrackedVisitorId(HttpContext context) => tracker.VisitorId(context);

    /// <summary>The trusted base of mail links.</summary>
    public string LinkBase(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return origin.ForLinks(context.Request);
    }

    /// <summary>The submission of <paramref name="form"/> for <paramref name="item"/>.</summary>
    public async Task<LeadSubmission> ReadAsync(HttpContext context, Content.ContentItem item, FormDefinition definition, IFormCollection form, string consentText, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(form);
        return new LeadSubmission
        {
            Item = item,
            Form = definition,
            Input = Input(form),
            HoneypotFilled = !string.IsNullOrEmpty(form[HoneypotField]),
            Stamp = form[StampField],
            VisitorId = TrackedVisitorId(context),
            IpHash = keys.HashIp(context.Connection.RemoteIpAddress?.ToString()),
            MemberKey = await members.CurrentMemberKeyAsync(context),
            Source = Source(form),
            ConsentText = consentText,
            LinkBase = LinkBase(context),
            At = now,
        };
    }

    /// <summary>The values of the form's fields.</summary>
    public static FormInput Input(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = new Dictionary<FormField, string?>();
        foreach (var field in Enum.GetValues<FormField>().Where(f => f != FormField.Consent))
        {
            var value = form[field.Key()].ToString();
            // Input is cut far above any limit, so an oversized post is reported as too long, not kept whole in memory.
            values[field] = value.Length > 4096 ? value[..4096] : value;
        }

        return new FormInput { Values = values, Consent = form[FormField.Consent.Key()] == "true" };
    }

    /// <summary>The campaign parameters and referrer of the page the form was shown on, sent back as hidden fields.</summary>
    public static LeadSource SourceOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var referrer = request.Headers.Referer.ToString();
        var external = Uri.TryCreate(referrer, UriKind.Absolute, out var uri) && !string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase);
        return Campaign(key => request.Query[key].ToString() is { Length: > 0 and <= 200 } value ? value : null) with
        {
            Referrer = external && referrer.Length <= 500 ? referrer : null,
            LandingPage = request.Path.Value,
        };
    }

    private static LeadSource Source(IFormCollection form)
    {
        string? Field(string key) => form["src_" + key].ToString() is { Length: > 0 and <= 500 } value ? value : null;
        return Campaign(Field) with { Referrer = Field("referrer"), LandingPage = Field("landing_page") };
    }

    /// <summary>The five UTM parameters, read by <paramref name="value"/> (from the query string or the hidden fields).</summary>
    private static LeadSource Campaign(Func<string, string?> value) => new()
    {
        UtmSource = value("utm_source"),
        UtmMedium = value("utm_medium"),
        UtmCampaign = value("utm_campaign"),
        UtmTerm = value("utm_term"),
        UtmContent = value("utm_content"),
    };
}
