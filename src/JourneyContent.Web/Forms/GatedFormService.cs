using System.Threading.RateLimiting;
using JourneyContent.Content;
using JourneyContent.Forms;
using JourneyContent.Leads;
using JourneyContent.Mail;
using JourneyContent.Stages;
using JourneyContent.Tracking;
using JourneyContent.Web.Tracking;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Forms;

/// <summary>Shows and takes the forms of gated assets: validation, anti-spam, the lead, the mails and the download link.</summary>
/// <remarks>
/// <para>The order of a submission is what keeps the promises: the lead and its mail are committed together (the lead
/// store writes the mail composed here to the outbox in the lead's transaction), and only then is the visitor thanked; the mail itself and the CRM webhook are sent in the background.</para>
/// <para>Anti-spam: a honeypot field, a signed stamp that must be older than <see cref="GatedFormOptions.MinimumFillTime"/>,
/// a limit per email address (here) and per IP address (the <c>journey-forms</c> rate-limiting policy), and antiforgery.</para>
/// </remarks>
public sealed class GatedFormService : IDisposable
{
    /// <summary>The name of the honeypot field: hidden from people, tempting to robots.</summary>
    public const string HoneypotField = "website";

    /// <summary>The name of the stamp field.</summary>
    public const string StampField = "form_stamp";

    private const string StampPurpose = "form";
    private static readonly TimeSpan StampLifetime = TimeSpan.FromDays(1);
    private readonly StageModel _stages;
    private readonly ILeadStore _leads;
    private readonly IMailOutbox _outbox;
    private readonly IEnumerable<IMailQueuedSignal> _mailSignals;
    private readonly JourneyTracker _tracker;
    private readonly SigningKeys _keys;
    private readonly GatedFormOptions _options;
    private readonly TimeProvider _time;
    private readonly IEnumerable<ILeadCapturedHandler> _handlers;
    private readonly IStringLocalizer<SharedStrings> _strings;
    private readonly ILogger<GatedFormService> _logger;
    private readonly ISiteMemberAccessor _members;
    private readonly PartitionedRateLimiter<string> _perEmail;

    /// <summary>Creates the service.</summary>
    public GatedFormService(
        StageModel stages, ILeadStore leads, IMailOutbox outbox, IEnumerable<IMailQueuedSignal> mailSignals, JourneyTracker tracker, SigningKeys keys,
        IOptions<GatedFormOptions> options, TimeProvider time, IEnumerable<ILeadCapturedHandler> handlers, IStringLocalizer<SharedStrings> strings,
        ILogger<GatedFormService> logger, ISiteMemberAccessor members)
    {
        ArgumentNullException.ThrowIfNull(options);
        _stages = stages;
        _leads = leads;
        _outbox = outbox;
        _mailSignals = mailSignals;
        _tracker = tracker;
        _keys = keys;
        _options = options.Value;
        _time = time;
        _handlers = handlers;
        _strings = strings;
        _logger = logger;
        _members = members;
        _perEmail = PartitionedRateLimiter.Create<string, string>(email => RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = _options.PerEmailLimit,
            Window = _options.RateLimitWindow,
            QueueLimit = 0,
        }));
    }

    /// <summary>The options in force.</summary>
    public GatedFormOptions Options => _options;

    /// <summary>The form of <paramref name="item"/> for this request's visitor: known fields left out, known values shown.</summary>
    public async Task<GatedFormModel> PrepareAsync(HttpContext context, ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        var known = await KnownLeadAsync(context);
        var model = await BuildAsync(context, item, known);
        return known?.Email is { } email
            ? model with { Values = new Dictionary<FormField, string?> { [FormField.Email] = email } }
            : model;
    }

    /// <summary>Takes a submission of <paramref name="item"/>'s form.</summary>
    public async Task<FormOutcome> SubmitAsync(HttpContext context, ContentItem item, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(form);
        var now = _time.GetUtcNow();
        if (!string.IsNullOrEmpty(form[HoneypotField]))
        {
            return new FormOutcome.Rejected("honeypot");
        }

        var known = await KnownLeadAsync(context);
        var model = await BuildAsync(context, item, known);
        var input = ReadInput(form);
        var (check, stamp) = _keys.Links.Verify(form[StampField], StampPurpose, now);
        // A forged stamp, another item's, or one older than a day: the visitor is asked to send the form again.
        if (check != LinkCheck.Valid || stamp?.ContentId != item.Id)
        {
            return new FormOutcome.Invalid(model with { Values = input.Values, FormErrorKey = "FormExpired" });
        }

        if (now - (stamp!.ExpiresAt - StampLifetime) < _options.MinimumFillTime)
        {
            return new FormOutcome.Rejected("too-fast");
        }

        var definition = Definition(item);
        var knownFields = known is null ? null : FormValidator.KnownFields(known.Profile);
        var validation = FormValidator.Validate(definition, input, _stages, knownFields, model.AskConsent);
        if (!validation.IsValid)
        {
            return new FormOutcome.Invalid(model with { Values = input.Values, Errors = validation.Errors });
        }

        // The limit counts an address whatever its case, so changing case does not get round it.
        using (var lease = await _perEmail.AcquireAsync(validation.Email!.ToLowerInvariant(), 1, context.RequestAborted))
        {
            if (!lease.IsAcquired)
            {
                return new FormOutcome.RateLimited(lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : _options.RateLimitWindow);
            }
        }

        // Tracking first, so the lead's stage includes this submission; nothing is recorded without consent.
        var visitorId = _tracker.VisitorId(context);
        if (visitorId is not null)
        {
            await _tracker.RecordAsync(visitorId, now, JourneyEventType.FormSubmit, item.Id);
            if (validation.DeclaredStage is { } declared)
            {
                await _tracker.RecordAsync(visitorId, now, JourneyEventType.DeclaredStage, item.Id, declared);
            }
        }

        var inferred = visitorId is null ? null : (await _tracker.EstimateAsync(context))?.Stage?.Key;
        string? downloadToken = null;
        var result = await _leads.CaptureAsync(new LeadCapture
        {
            Email = validation.Email!,
            Profile = validation.Profile,
            Language = item.Language,
            ContentId = item.Id,
            DeclaredStage = validation.DeclaredStage,
            Stage = inferred ?? validation.DeclaredStage,
            Consent = model.AskConsent
                ? new ConsentRecord(model.ConsentText, _options.ConsentVersion, now, _keys.HashIp(context.Connection.RemoteIpAddress?.ToString()), item.Id)
                : null,
            VisitorId = visitorId,
            MemberKey = await _members.CurrentMemberKeyAsync(context),
            Source = ReadSource(form),
            At = now,
            // Composed here, stored by the lead store in the lead's own transaction: a capture leaves the lead and its mail, or neither.
            Mails = stored =>
            {
                if (_options.DoubleOptIn && stored.EmailConfirmedAt is null)
                {
                    return [ConfirmationMail(context, stored, item, now)];
                }

                var (token, mail) = DownloadMail(context, stored, item, now);
                downloadToken = token;
                return mail is null ? [] : [mail];
            },
        }, context.RequestAborted);
        if (result.MailsQueued > 0)
        {
            SignalMailQueued();
        }

        if (visitorId is not null && result.OtherVisitors.Count > 0)
        {
            await _tracker.MergeAsync(visitorId, result.OtherVisitors);
        }

        var lead = result.Lead;
        await PublishAsync(new LeadCaptured(lead, item.Id, result.IsNew) { StageChange = result.StageChange }, context.RequestAborted);
        return new FormOutcome.Accepted(lead, item, downloadToken);
    }

    /// <summary>Creates a fresh download link for a lead and mails it; returns the token.</summary>
    public async Task<string> QueueDownloadAsync(HttpContext context, Lead lead, ContentItem item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(item);
        var (token, mail) = DownloadMail(context, lead, item, now);
        if (mail is not null)
        {
            await EnqueueAsync(mail, context.RequestAborted);
        }

        return token;
    }

    private (string Token, OutgoingMail? Mail) DownloadMail(HttpContext context, Lead lead, ContentItem item, DateTimeOffset now)
    {
        var expires = now + _options.LinkLifetime;
        var token = _keys.Links.Create(new LinkClaims(LinkClaims.Download, lead.Id, item.Id, expires));
        var mail = lead.Email is { } email
            ? MailTemplates.Download(lead.Language, email, lead.Profile.FirstName, item.Title, Absolute(context, DownloadPath(token)), expires, _options.SiteName) with { LeadId = lead.Id }
            : null;
        return (token, mail);
    }

    /// <summary>The site path of a download link.</summary>
    public static string DownloadPath(string token) => "/journey/download?t=" + Uri.EscapeDataString(token);

    /// <summary>The site path of a confirmation link.</summary>
    public static string ConfirmPath(string token) => "/journey/confirm?t=" + Uri.EscapeDataString(token);

    /// <inheritdoc />
    public void Dispose() => _perEmail.Dispose();

    /// <summary>The form definition of an item: its own fields, else its named form, else the configured or built-in default.</summary>
    public FormDefinition Definition(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        static IReadOnlyList<FormField> Fields(IEnumerable<string> keys) =>
            [.. keys.Select(k => FormFields.TryParse(k, out var f) ? f : (FormField?)null).OfType<FormField>().Where(f => f is not (FormField.Email or FormField.Consent)).Distinct()];

        if (item.Form is { Fields.Count: > 0 } inline)
        {
            return new FormDefinition { Name = inline.Name ?? item.Id, Fields = Fields(inline.Fields), Required = Fields(inline.Required).ToHashSet() };
        }

        var name = item.Form?.Name ?? "default";
        if (_options.Definitions.TryGetValue(name, out var configured))
        {
            return new FormDefinition { Name = name, Fields = Fields(configured.Fields), Required = Fields(configured.Required).ToHashSet() };
        }

        return FormDefinition.Default;
    }

    private OutgoingMail ConfirmationMail(HttpContext context, Lead lead, ContentItem item, DateTimeOffset now)
    {
        var token = _keys.Links.Create(new LinkClaims(LinkClaims.Confirm, lead.Id, item.Id, now + _options.ConfirmationLifetime));
        return MailTemplates.ConfirmAddress(lead.Language, lead.Email!, lead.Profile.FirstName, item.Title, Absolute(context, ConfirmPath(token)), _options.SiteName) with { LeadId = lead.Id };
    }

    private async Task EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        await _outbox.EnqueueAsync(mail, cancellationToken);
        SignalMailQueued();
    }

    private void SignalMailQueued()
    {
        foreach (var signal in _mailSignals)
        {
            signal.MailQueued();
        }
    }

    private async Task PublishAsync(LeadCaptured notification, CancellationToken cancellationToken)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                await handler.HandleAsync(notification, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The lead is stored and the visitor thanked whatever a handler does.
                _logger.LogError(ex, "{Handler} failed on lead {LeadId}", handler.GetType().Name, notification.Lead.Id);
            }
        }
    }

    private async Task<Lead?> KnownLeadAsync(HttpContext context)
    {
        var visitorId = context.Request.Cookies[TrackingRequest.VisitorCookie];
        if (visitorId is null || !TrackingRequest.IsVisitorId(visitorId) || _tracker.VisitorId(context) is null)
        {
            return null;
        }

        var lead = await _leads.FindByVisitorAsync(visitorId, context.RequestAborted);
        return lead is { IsErased: false } ? lead : null;
    }

    private async Task<GatedFormModel> BuildAsync(HttpContext context, ContentItem item, Lead? known)
    {
        var definition = Definition(item);
        var knownFields = known is null ? new HashSet<FormField>() : FormValidator.KnownFields(known.Profile);
        var askConsent = known is null || !await _leads.HasConsentedAsync(known.Id, _options.ConsentVersion, context.RequestAborted);
        var language = item.Language;
        var consentText = _options.ConsentText.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : _strings["FormConsentDefault"].Value;
        var privacy = _options.PrivacyPolicyUrl.TryGetValue(language, out var url) && !string.IsNullOrWhiteSpace(url) ? url : $"/{language}/privacy";
        var stamp = _keys.Links.Create(new LinkClaims(StampPurpose, string.Empty, item.Id, _time.GetUtcNow() + StampLifetime));
        return new GatedFormModel(
            item,
            [.. definition.Fields.Where(f => !knownFields.Contains(f))],
            definition.Required,
            askConsent,
            consentText,
            privacy,
            _stages.Stages,
            stamp)
        {
            KnownName = known?.Profile.FirstName,
            Source = SourceOf(context.Request),
        };
    }

    private static FormInput ReadInput(IFormCollection form)
    {
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
    private static LeadSource SourceOf(HttpRequest request)
    {
        string? Query(string key) => request.Query[key].ToString() is { Length: > 0 and <= 200 } value ? value : null;
        var referrer = request.Headers.Referer.ToString();
        var external = Uri.TryCreate(referrer, UriKind.Absolute, out var uri) && !string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase);
        return new LeadSource
        {
            UtmSource = Query("utm_source"),
            UtmMedium = Query("utm_medium"),
            UtmCampaign = Query("utm_campaign"),
            UtmTerm = Query("utm_term"),
            UtmContent = Query("utm_content"),
            Referrer = external && referrer.Length <= 500 ? referrer : null,
            LandingPage = request.Path.Value,
        };
    }

    private static LeadSource ReadSource(IFormCollection form)
    {
        string? Field(string key) => form["src_" + key].ToString() is { Length: > 0 and <= 500 } value ? value : null;
        return new LeadSource
        {
            UtmSource = Field("utm_source"),
            UtmMedium = Field("utm_medium"),
            UtmCampaign = Field("utm_campaign"),
            UtmTerm = Field("utm_term"),
            UtmContent = Field("utm_content"),
            Referrer = Field("referrer"),
            LandingPage = Field("landing_page"),
        };
    }

    /// <summary>The signed-in CMS member's key, when the host put one in the user's claims (the Umbraco package does).</summary>
    private string Absolute(HttpContext context, string path)
    {
        var baseUrl = string.IsNullOrEmpty(_options.PublicBaseUrl)
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}"
            : _options.PublicBaseUrl.TrimEnd('/');
        return baseUrl + path;
    }
}
