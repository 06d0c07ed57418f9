using System.Globalization;
using System.Text.Json.Serialization;
using JourneyContent.Content;
using JourneyContent.Web.Recommendations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

// Endpoint mapping extensions live in the builder's namespace so they are found without an extra using.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the next-content API.</summary>
public static class NextContentEndpoints
{
    /// <summary>
    /// Maps <c>GET /api/journey/next?path=/en/…</c>: the stage, next items and call to action for the visitor on that
    /// page, as JSON, for cached pages and headless front ends. It records the call-to-action impression like a page
    /// does. Unknown paths answer 404; the answer is never cached (it depends on the visitor).
    /// </summary>
    public static IEndpointConventionBuilder MapJourneyNextContent(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet("/api/journey/next", Next);
    }

    private static async Task<Results<Ok<NextResponse>, NotFound<string>, BadRequest<string>>> Next(
        HttpContext context, string? path, IContentSource content, PageOfferService offers, IStringLocalizer<JourneyContent.Web.SharedStrings> strings)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrEmpty(path) || !path.StartsWith('/'))
        {
            return TypedResults.BadRequest("path must be a site path such as /en/what-is-the-buyers-journey.");
        }

        if (content.Current.FindByUrl(path) is not { IsUntagged: false } page)
        {
            return TypedResults.NotFound("path does not name a published content page.");
        }

        var result = await offers.ForPageAsync(context, page.Language, page);
        // Explanations are in the page's language, whatever the caller's Accept-Language.
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(page.Language);
        try
        {
            var language = page.Language;
            return TypedResults.Ok(new NextResponse(
                result.Next.Stage?.Key,
                result.Visitor.IsPersonalised,
                [.. result.Next.Items.Select(r => new NextItem(
                    r.Item.Url, r.Item.Title, r.Item.Kind, r.Item.Stage, r.Stage.Key, OfferText.Code(r.Reason), OfferText.Explain(r, language, strings), r.RelatedTo?.Url))],
                result.CallToAction is { } cta
                    ? new NextCallToAction(
                        cta.Offer.Headline, cta.Offer.Text, OfferText.Button(cta.Offer, strings), cta.Offer.Url, cta.Offer.Kind,
                        cta.Offer.Source.Stage, cta.Offer.Source.Url, OfferText.Code(cta.Reason), OfferText.Explain(cta, language, strings))
                    : null));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The answer of <c>GET /api/journey/next</c>.</summary>
    public sealed record NextResponse(
        [property: JsonPropertyName("stage")] string? Stage,
        [property: JsonPropertyName("personalised")] bool Personalised,
        [property: JsonPropertyName("items")] IReadOnlyList<NextItem> Items,
        [property: JsonPropertyName("cta")] NextCallToAction? Cta);

    /// <summary>One next item: <c>stage</c> is its primary stage, <c>chosenFor</c> the stage it was chosen for (a secondary stage, possibly).</summary>
    public sealed record NextItem(
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("stage")] string? Stage,
        [property: JsonPropertyName("chosenFor")] string ChosenFor,
        [property: JsonPropertyName("reason")] string Reason,
        [property: JsonPropertyName("explanation")] string Explanation,
        [property: JsonPropertyName("relatedTo")] string? RelatedTo);

    /// <summary>The call to action; <c>source</c> is the page of the offer, to send with a <c>cta_click</c> event.</summary>
    public sealed record NextCallToAction(
        [property: JsonPropertyName("headline")] string Headline,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("button")] string Button,
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("stage")] string? Stage,
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("reason")] string Reason,
        [property: JsonPropertyName("explanation")] string Explanation);
}
