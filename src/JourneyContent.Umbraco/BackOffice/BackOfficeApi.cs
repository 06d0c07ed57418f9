using System.Globalization;
using JourneyContent.Content;
using JourneyContent.Stages;
using JourneyContent.Web.Suggestions;
using JourneyContent.Web.Reports;
using JourneyContent.Web.Configuration;
using JourneyContent.Reports.Export;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace JourneyContent.Umbraco.BackOffice;

/// <summary>
/// The JSON API of the package's back-office extensions: the stage model and suggestions for the stage picker, the
/// marketer reports for the dashboard. It lives beside Umbraco's Management API and accepts the same tokens.
/// </summary>
public static class BackOfficeApi
{
    /// <summary>The API's path.</summary>
    public const string Prefix = "/umbraco/management/api/v1/journey-content";

    /// <summary>Maps the API; editors need the content section, reports need a report group.</summary>
    public static RouteGroupBuilder MapJourneyContentBackOfficeApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).DisableAntiforgery();
        api.MapGet("/stages", Stages).RequireAuthorization(BackOfficePolicies.Editors);
        api.MapPost("/suggestion", Suggest).RequireAuthorization(BackOfficePolicies.Editors);
        api.MapGet("/reports/{report}", Report).RequireAuthorization(BackOfficePolicies.Marketers);
        return api;
    }

    private static IResult Stages(StageModel stages, IOptions<JourneyContentOptions> options) => Results.Json(new StagesResponse(
        [.. stages.Stages.Select(s => new StageDto(s.Key, s.Order, s.Color, Texts(s.Label, options.Value), Texts(s.Description, options.Value)))],
        [.. stages.Kinds.Select(k => new KindDto(k.Key, Texts(k.Label, options.Value), k.DefaultStage?.Key, k.IsCallToAction))],
        [.. options.Value.EffectiveLanguages]));

    private static IResult Suggest(SuggestionRequest request, StageSuggestions suggestions, IOptions<JourneyContentOptions> options, ITextCatalog texts)
    {
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["title"] = ["A title is needed to suggest a stage."] });
        }

        var language = string.IsNullOrWhiteSpace(request.Language) ? options.Value.DefaultLanguage : request.Language.Trim().ToLowerInvariant();
        var draft = new ContentItem
        {
            Id = "draft", Slug = "draft", Url = "/", Language = language, Title = request.Title.Trim(), Kind = request.Kind ?? string.Empty,
            Summary = request.Summary, BodyText = request.Text ?? string.Empty,
        };
        var outcome = suggestions.Classify(draft);
        var suggestion = outcome.Suggestion;
        return Results.Json(new SuggestionResponse(
            suggestion?.Stage,
            suggestion?.Confidence ?? 0,
            [.. (suggestion?.Probabilities ?? []).Select(p => new ProbabilityDto(p.Stage, p.Probability))],
            [.. (suggestion?.TopWords ?? []).Select(w => w.Word)],
            outcome.HasSuggestion ? null : Texts(texts, "SuggestionReason." + outcome.Reason, options.Value)));
    }

    private static async Task<IResult> Report(string report, [AsParameters] ReportQuery query, ReportRunner runner, TimeProvider time, HttpContext context)
    {
        if (!ReportRunner.IsKnown(report))
        {
            return Results.NotFound();
        }

        var model = await runner.RunAsync(report, query, context.RequestAborted);
        var table = ReportCsv.For(model);
        context.Response.Headers.CacheControl = "no-store";
        if (string.Equals(query.Format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return Results.File(table.ToUtf8WithBom(), CsvTable.ContentType, $"journeycontent-{report}-{time.GetUtcNow():yyyyMMdd}.csv");
        }

        return Results.Json(new ReportResponse(report, table.Headers, [.. table.Rows.Select(row => row.Select(Cell).ToList())], model.FilterError));
    }

    /// <summary>Numbers go out as JSON numbers so the dashboard can chart them; the CSV formatting is kept for text.</summary>
    private static object Cell(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : cell;

    private static Dictionary<string, string> Texts(LocalizedText text, JourneyContentOptions options) =>
        EditorLanguages(options).ToDictionary(l => l, l => text.Get(l), StringComparer.Ordinal);

    private static Dictionary<string, string> Texts(ITextCatalog texts, string key, JourneyContentOptions options) =>
        EditorLanguages(options).ToDictionary(l => l, l => texts.Get(key, l), StringComparer.Ordinal);

    // The back office's own languages (en, fr) besides the site's, since an editor's UI language need not be a site language.
    private static IEnumerable<string> EditorLanguages(JourneyContentOptions options) =>
        options.EffectiveLanguages.Union(["en", "fr"]).Distinct(StringComparer.Ordinal);

    /// <summary>The body of a suggestion request: the document as the editor has it now, saved or not.</summary>
    public sealed record SuggestionRequest(string? Title, string? Summary, string? Text, string? Kind, string? Language);

    internal sealed record StagesResponse(IReadOnlyList<StageDto> Stages, IReadOnlyList<KindDto> Kinds, IReadOnlyList<string> Languages);

    internal sealed record StageDto(string Key, int Order, string Color, IReadOnlyDictionary<string, string> Label, IReadOnlyDictionary<string, string> Description);

    internal sealed record KindDto(string Key, IReadOnlyDictionary<string, string> Label, string? DefaultStage, bool IsCallToAction);

    internal sealed record SuggestionResponse(string? Stage, double Confidence, IReadOnlyList<ProbabilityDto> Probabilities, IReadOnlyList<string> Words, IReadOnlyDictionary<string, string>? Reason);

    internal sealed record ProbabilityDto(string Stage, double Probability);

    internal sealed record ReportResponse(string Report, IReadOnlyList<string> Headers, IReadOnlyList<List<object>> Rows, string? Error);
}
