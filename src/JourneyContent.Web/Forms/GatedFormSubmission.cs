using System.Globalization;
using JourneyContent.Content;
using JourneyContent.Forms;
using Microsoft.AspNetCore.Http;

namespace JourneyContent.Web.Forms;

/// <summary>Turns a gated form posted to its content page into the answer: see-other to the thank-you page, 429, or the page again.</summary>
/// <remarks>
/// Shared by the standalone site's content controller and the CMS form middleware, so that both answer a submission
/// alike. When the page must be shown again, the refused form is left in <see cref="HttpContext.Items"/> for the
/// form's view component and the status code is set; the caller renders the page.
/// </remarks>
public sealed class GatedFormSubmission(GatedFormService forms, SigningKeys keys, TimeProvider time)
{
    /// <summary>The purpose of the thank-you page's link while an address awaits confirmation.</summary>
    public const string PendingPurpose = "pending";

    /// <summary>Takes the submission; returns the redirect or refusal to send, or null when the caller renders the page with the errors.</summary>
    public async Task<IResult?> SubmitAsync(HttpContext context, ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        var outcome = await forms.SubmitAsync(context, item, await context.Request.ReadFormAsync(context.RequestAborted));
        switch (outcome)
        {
            case FormOutcome.Accepted { DownloadToken: { } token }:
                return SeeOther(context, "/journey/thank-you?t=" + Uri.EscapeDataString(token));
            case FormOutcome.Accepted accepted:
                var pending = keys.Links.Create(new LinkClaims(PendingPurpose, accepted.Lead.Id, item.Id, time.GetUtcNow().AddDays(1)));
                return SeeOther(context, "/journey/thank-you?p=" + Uri.EscapeDataString(pending));
            case FormOutcome.RateLimited limited:
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(limited.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            case FormOutcome.Unavailable unavailable:
                // Busy or read-only storage: the visitor keeps what they typed and may send it again shortly.
                context.Items[JourneyGatedFormViewComponent.RefusedFormKey] = unavailable.Form;
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "10";
                context.Response.Headers.CacheControl = "no-store";
                return null;
            case FormOutcome.Invalid invalid:
                context.Items[JourneyGatedFormViewComponent.RefusedFormKey] = invalid.Form;
                context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return null;
            default:
                // A robot's submission: nothing stored, and nothing that tells it why.
                context.Items[JourneyGatedFormViewComponent.RefusedFormKey] = (await forms.PrepareAsync(context, item)) with { FormErrorKey = "FormRejected" };
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return null;
        }
    }

    private static IResult SeeOther(HttpContext context, string url)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Location = url;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }
}
