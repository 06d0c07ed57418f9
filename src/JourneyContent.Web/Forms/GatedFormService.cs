using JourneyContent.Content;
using JourneyContent.Forms;
using JourneyContent.Leads;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Forms;

/// <summary>The HTTP side of gated forms: reads the request into the <see cref="CaptureLead"/> use case and its outcome into a form model.</summary>
/// <remarks>
/// <para>Antiforgery is checked before (by MVC, or by the CMS middleware); the rules, the lead, the mails and their
/// order are the use case's. Both hosts (the standalone site and the CMS middleware) come through here.</para>
/// <para>Anti-spam: a honeypot field, a signed stamp that must be older than <see cref="GatedFormOptions.MinimumFillTime"/>,
/// a limit per email address (the use case) and per IP address (the <c>journey-forms</c> rate-limiting policy), and antiforgery.</para>
/// </remarks>
public sealed class GatedFormService(CaptureLead capture, GatedFormLayout layout, FormRequestReader reader, LeadCapturedPublisher publisher, TimeProvider time, IOptions<GatedFormOptions> options)
{
    /// <summary>The name of the honeypot field: hidden from people, tempting to robots.</summary>
    public const string HoneypotField = FormRequestReader.HoneypotField;

    /// <summary>The name of the stamp field.</summary>
    public const string StampField = FormRequestReader.StampField;

    /// <summary>The options in force.</summary>
    public GatedFormOptions Options => options.Value;

    /// <summary>The form of <paramref name="item"/> for this request's visitor: known fields left out, known values shown.</summary>
    public async Task<GatedFormModel> PrepareAsync(HttpContext context, ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        var known = await capture.KnownAsync(reader.VisitorId(context), context.RequestAborted);
        var model = layout.Build(item, known, FormRequestReader.SourceOf(context.Request));
        return known.Lead?.Email is { } email
            ? model with { Values = new Dictionary<FormField, string?> { [FormField.Email] = email } }
            : model;
    }

    /// <summary>Takes a submission of <paramref name="item"/>'s form.</summary>
    public async Task<FormOutcome> SubmitAsync(HttpContext context, ContentItem item, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(form);
        var submission = await reader.ReadAsync(context, item, layout.Definition(item), form, layout.ConsentText(item.Language), time.GetUtcNow());
        var outcome = await capture.SubmitAsync(submission, context.RequestAborted);
        switch (outcome)
        {
            case LeadSubmissionOutcome.Accepted accepted:
                await publisher.PublishAsync(accepted.Notification, context.RequestAborted);
                return new FormOutcome.Accepted(accepted.Lead, item, accepted.DownloadToken);
            case LeadSubmissionOutcome.Invalid invalid:
                return new FormOutcome.Invalid(await ShownAgainAsync(context, item, submission) with
                {
                    Errors = invalid.Errors,
                    FormErrorKey = invalid.Expired ? "FormExpired" : null,
                });
            case LeadSubmissionOutcome.RateLimited limited:
                return new FormOutcome.RateLimited(limited.RetryAfter);
            case LeadSubmissionOutcome.StoreUnavailable:
                // The store's own reads may fail too: the form is shown again from what was typed alone.
                return new FormOutcome.Unavailable(layout.Build(item, new KnownVisitor(null, AskConsent: true), submission.Source) with
                {
                    Values = submission.Input.Values,
                    ConsentTicked = submission.Input.Consent,
                    FormErrorKey = "FormUnavailable",
                });
            default:
                return new FormOutcome.Rejected(((LeadSubmissionOutcome.Refused)outcome).Reason);
        }
    }

    /// <summary>Creates a fresh download link for a lead and mails it; returns the token.</summary>
    public Task<string> QueueDownloadAsync(HttpContext context, Lead lead, ContentItem item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        return capture.SendDownloadAsync(lead, item, reader.LinkBase(context), now, context.RequestAborted);
    }

    /// <summary>The site path of a download link.</summary>
    public static string DownloadPath(string token) => LeadMails.DownloadPath(token);

    /// <summary>The site path of a confirmation link.</summary>
    public static string ConfirmPath(string token) => LeadMails.ConfirmPath(token);

    /// <summary>The form definition of an item: its own fields, else its named form, else the configured or built-in default.</summary>
    public FormDefinition Definition(ContentItem item) => layout.Definition(item);

    private async Task<GatedFormModel> ShownAgainAsync(HttpContext context, ContentItem item, LeadSubmission submission)
    {
        var known = await capture.KnownAsync(reader.VisitorId(context), context.RequestAborted);
        return layout.Build(item, known, FormRequestReader.SourceOf(context.Request)) with { Values = submission.Input.Values, ConsentTicked = submission.Input.Consent };
    }
}
