using System.Globalization;
using System.Text.Json;
using JourneyContent.Content;
using JourneyContent.Reports.Export;
using JourneyContent.Stages;
using JourneyContent.Web.Configuration;
using JourneyContent.Web.Reports;
using JourneyContent.Web.Suggestions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace JourneyContent.Umbraco.BackOffice;

/// <summary>
/// The JSON API of the package's back-office extensions: the stage model and suggestions for the stage picker, the
/// marketer reports of the catalogue for the dashboard (<c>GET /reports</c> lists them, <c>GET /reports/{key}</c> computes one).
/// It lives beside Umbraco's Management API and accepts the same tokens.
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
        api.MapGet("/reports", Catalog).RequireAuthorization(BackOfficePolicies.Marketers);
        api.MapGet("/reports/{report}", Report).RequireAuthorization(BackOfficePolicies.Marketers);
        api.MapJourneyContentLeadsApi();
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
            suggestion?.CalibratedConfidence,
            [.. (suggestion?.Probabilities ?? []).Select(p => new ProbabilityDto(p.Stage, p.Probability))],
            [.. (suggestion?.TopWords ?? []).Select(w => w.Word)],
            outcome.HasSuggestion ? null : Texts(texts, "SuggestionReason." + outcome.Reason, options.Value)));
    }

    /// <summary>The report catalogue in the user's language: the dashboard builds its tabs, filters and tables from it.</summary>
    private static IResult Catalog(string? culture, ReportRunner runner, ReportPresenter presenter)
    {
        if (!TryCulture(culture, out var chosen, out var problem))
        {
            return problem;
        }

        return Results.Json(new CatalogResponse([.. runner.Catalog.Reports.Select(r => Definition(presenter.Describe(r.Definition, chosen)))]));
    }

    private static async Task<IResult> Report(string report, string? culture, [AsParameters] ReportQuery query, ReportRunner runner, ReportPresenter presenter, TimeProvider time, HttpContext context)
    {
        if (runner.Catalog.Find(report) is not { } entry)
        {
            return Results.NotFound();
        }

        if (!TryCulture(culture, out var chosen, out var problem))
        {
            return problem;
        }

        var run = await runner.RunAsync(entry, query, context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        if (query.IsCsv)
        {
            return Results.File(ReportCsv.For(run.Result).ToUtf8WithBom(), CsvTable.ContentType, ReportCsv.FileName(entry.Definition, time.GetUtcNow()));
        }

        var shown = presenter.Present(run.Result, chosen);
        return Results.Json(new ReportResponse(
            shown.Key, shown.Title, shown.Description, shown.Notes,
            [.. shown.Columns.Select(c => c.Key)],
            [.. shown.Columns.Select(c => new ColumnDto(c.Key, c.Header, Name(c.Kind)))],
            [.. shown.Rows.Select(r => r.Cells.Select(c => c.Value).ToList())],
            [.. shown.Rows.Select(r => r.Cells.Select(c => c.Text).ToList())],
            new ChartDto(Name(shown.Chart.Kind), shown.Chart.Title,
                [.. shown.Chart.Series.Select(s => new SeriesDto(s.Id, s.Name, s.StageKey, [.. s.Bars.Select(b => new BarDto(b.Label, b.Value, b.StageKey, b.ValueText))]))]),
            run.FilterError));
    }

    /// <summary>The culture asked for (<c>?culture=fr</c>), the request's otherwise; a malformed one is a validation problem.</summary>
    private static bool TryCulture(string? name, out CultureInfo culture, out IResult problem)
    {
        culture = CultureInfo.CurrentUICulture;
        problem = Results.Empty;
        if (string.IsNullOrWhiteSpace(name))
        {
            return true;
        }

        try
        {
            if (name.Length <= 35)
            {
                culture = CultureInfo.GetCultureInfo(name.Trim(), predefinedOnly: true);
                return true;
            }
        }
        catch (CultureNotFoundException)
        {
        }

        problem = Results.ValidationProblem(new Dictionary<string, string[]> { ["culture"] = ["The culture must be a language tag such as en or fr-FR."] });
        return false;
    }

    private static DefinitionDto Definition(PresentedDefinition d) => new(
        d.Key, d.Title, d.Description, d.Filters, Name(d.Chart), [.. d.Columns.Select(c => new DefinitionColumnDto(c.Key, c.Header, Name(c.Kind), Name(c.Repeat)))]);

    /// <summary>Enum members as the client's camelCase names (<c>stackedColumns</c>, <c>perStage</c>).</summary>
    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

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

    // Confidence is the classifier's own, near 1 for most items right or wrong; CalibratedConfidence is the share of
    // suggestions that were right at that confidence on the tagged items (null when too few are tagged): the one to show.
    internal sealed record SuggestionResponse(string? Stage, double Confidence, double? CalibratedConfidence, IReadOnlyList<ProbabilityDto> Probabilities, IReadOnlyList<string> Words, IReadOnlyDictionary<string, string>? Reason);

    internal sealed record ProbabilityDto(string Stage, double Probability);

    internal sealed record CatalogResponse(IReadOnlyList<DefinitionDto> Reports);

    internal sealed record DefinitionDto(string Key, string Title, string Description, IReadOnlyList<string> Filters, string Chart, IReadOnlyList<DefinitionColumnDto> Columns);

    internal sealed record DefinitionColumnDto(string Key, string Header, string Kind, string Repeat);

    internal sealed record ReportResponse(
        string Report, string Title, string Description, IReadOnlyList<string> Notes, IReadOnlyList<string> Headers, IReadOnlyList<ColumnDto> Columns,
        IReadOnlyList<List<object?>> Rows, IReadOnlyList<List<string>> Texts, ChartDto Chart, string? Error);

    internal sealed record ColumnDto(string Key, string Header, string Kind);

    internal sealed record ChartDto(string Kind, string Title, IReadOnlyList<SeriesDto> Series);

    internal sealed record SeriesDto(string Id, string Name, string? Stage, IReadOnlyList<BarDto> Bars);

    internal sealed record BarDto(string Label, double Value, string? Stage, string? Text);
}
