using JourneyContent.Site.BackOffice.Authentication;
using JourneyContent.Content;
using JourneyContent.Editing;
using JourneyContent.Site.BackOffice.Localization;
using JourneyContent.Stages;
using JourneyContent.Tagging;
using JourneyContent.Web.Configuration;
using JourneyContent.Web.Localization;
using JourneyContent.Web.Suggestions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace JourneyContent.Site.BackOffice.Inventory;

/// <summary>The content inventory: every item with its stage, filters, inline, bulk and one-click tagging, and the edit page.</summary>
[Route(BackOfficeRoutes.Root)]
[Authorize(Policy = BackOfficePolicies.Editors)]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class InventoryController(
    IContentSource content,
    StageModel stages,
    ContentTagging tagging,
    StageSuggestions suggestions,
    IOptions<JourneyContentOptions> options,
    IStringLocalizer<BackOfficeStrings> texts,
    ITextCatalog catalog) : Controller
{
    private const string MessageKey = "journey-message";

    /// <summary>Why tags were refused, in the editor's language.</summary>
    private string Problem(TaggingResult result) => catalog.Describe(result.Problem!, BackOfficeLanguage.Current);

    /// <summary>The inventory, filtered, searched and sorted.</summary>
    [HttpGet("content")]
    public IActionResult Index([FromQuery] InventoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var snapshot = content.Current;
        var rows = query.Errors
            ? []
            : query.Apply(snapshot.Items, StageOrder).Select(i => new InventoryRow(i, i.IsUntagged ? suggestions.For(i) : null)).ToList();
        return View(BackOfficeViews.Inventory, new InventoryViewModel(
            query, rows, snapshot.Items.Count, snapshot.Errors, stages, options.Value.EffectiveLanguages, TempData[MessageKey] as string)
        {
            Untagged = snapshot.Items.Count(i => i.IsUntagged),
        });
    }

    /// <summary>The inventory as JSON, for scripts.</summary>
    [HttpGet("api/content")]
    public IActionResult Api([FromQuery] InventoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var items = query.Apply(content.Current.Items, StageOrder).Select(i => new
        {
            i.Id,
            i.Url,
            i.Title,
            i.Kind,
            i.Stage,
            SecondaryStages = i.SecondaryStages.Select(s => new { s.Stage, s.Weight }),
            i.Language,
            i.Topics,
            Gated = i.IsGated,
            i.Date,
            i.Version,
        });
        return Ok(new { items, errors = content.Current.Errors.Select(e => e.ToString()) });
    }

    /// <summary>The edit page of one item.</summary>
    [HttpGet("content/edit")]
    public IActionResult Edit(string id, string? returnUrl)
    {
        if (content.Current.FindById(id) is not { } item)
        {
            return NotFound();
        }

        var form = new EditForm
        {
            Id = item.Id,
            Version = item.Version,
            Kind = item.Kind,
            Stage = item.Stage,
            Secondary = ContentTags.Of(item).SecondaryText,
            ReturnUrl = returnUrl,
            HasRecommendations = true,
            PinnedNext = [.. item.PinnedNext],
            ExcludeFromRecommendations = item.ExcludedFromRecommendations,
            Boost = item.Boost.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        };
        return View(BackOfficeViews.Edit, new EditViewModel(item, stages, item.IsUntagged ? suggestions.For(item) : null, form, null) { Catalog = content.Current.Items });
    }

    /// <summary>Saves the edit page.</summary>
    [HttpPost("content/edit")]
    public async Task<IActionResult> Edit([FromForm] EditForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (content.Current.FindById(form.Id ?? string.Empty) is not { } item)
        {
            return NotFound();
        }

        IReadOnlyList<StageWeight> secondary;
        try
        {
            secondary = ContentTags.ParseSecondary(form.Secondary);
        }
        catch (FormatException ex)
        {
            return EditError(item, form, ex.Message);
        }

        var boost = 0.0;
        if (!string.IsNullOrWhiteSpace(form.Boost)
            && !double.TryParse(form.Boost, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out boost))
        {
            return EditError(item, form, texts["Edit.BoostInvalid", form.Boost].Value);
        }

        var tags = new ContentTags(form.Kind ?? item.Kind, Blank(form.Stage), secondary)
        {
            Recommendations = form.HasRecommendations
                ? new RecommendationTags([.. form.PinnedNext.Where(id => !string.IsNullOrWhiteSpace(id))], form.ExcludeFromRecommendations, boost)
                : null,
        };
        var result = await tagging.TagAsync(item.Id, form.Version ?? string.Empty, tags, Editor, StageAuditSources.Edit, HttpContext.RequestAborted);
        if (!result.Saved)
        {
            return EditError(content.Current.FindById(item.Id) ?? item, form, Problem(result));
        }

        TempData[MessageKey] = texts["Inventory.SavedItem", item.Title].Value;
        return Back(form.ReturnUrl);
    }

    /// <summary>Changes one item's primary stage from its inventory row.</summary>
    [HttpPost("content/tag")]
    public async Task<IActionResult> Tag([FromForm] EditForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await RetagAsync(form.Id, form.Version, Blank(form.Stage), StageAuditSources.Inline);
        TempData[MessageKey] = result.Saved ? texts["Inventory.Saved"].Value : Problem(result);
        return Back(form.ReturnUrl);
    }

    /// <summary>Accepts the suggested stage of an untagged item.</summary>
    [HttpPost("content/accept-suggestion")]
    public async Task<IActionResult> AcceptSuggestion([FromForm] EditForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (content.Current.FindById(form.Id ?? string.Empty) is not { } item || suggestions.For(item) is not { } suggestion)
        {
            return NotFound();
        }

        var result = await RetagAsync(item.Id, form.Version, suggestion.Stage, StageAuditSources.Suggestion);
        TempData[MessageKey] = result.Saved
            ? texts["Inventory.Tagged", item.Title, stages.FindStage(suggestion.Stage)?.Label.Get(BackOfficeLanguage.Current) ?? suggestion.Stage].Value
            : Problem(result);
        return Back(form.ReturnUrl);
    }

    /// <summary>Sets one stage on every selected item; items changed meanwhile are reported and left alone.</summary>
    [HttpPost("content/bulk")]
    public async Task<IActionResult> Bulk([FromForm] BulkTagForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var saved = 0;
        var problems = new List<string>();
        foreach (var selected in form.Selected)
        {
            var parts = selected.Split('|', 2);
            var result = await RetagAsync(parts[0], parts.Length > 1 ? parts[1] : null, Blank(form.Stage), StageAuditSources.Bulk);
            if (result.Saved)
            {
                saved++;
            }
            else
            {
                problems.Add(Problem(result));
            }
        }

        var language = BackOfficeLanguage.Current;
        TempData[MessageKey] = form.Selected.Count == 0 ? texts["Inventory.NothingSelected"].Value
            : problems.Count > 0
            ? texts[PluralText.Key("Inventory.RetaggedWithProblems", saved, language), saved, string.Join(" ", problems)].Value
            : texts[PluralText.Key("Inventory.Retagged", saved, language), saved].Value;
        return Back(form.ReturnUrl);
    }

    private async Task<TaggingResult> RetagAsync(string? id, string? version, string? stage, string source)
    {
        if (content.Current.FindById(id ?? string.Empty) is not { } item)
        {
            return new TaggingResult(TagWriteOutcome.NotFound, new TaggingProblem(TaggingProblemCodes.ItemGone, id));
        }

        // The primary stage cannot also be a secondary one: a retag to a secondary stage drops it from the secondaries.
        var tags = ContentTags.Of(item);
        tags = tags with { Stage = stage, SecondaryStages = [.. tags.SecondaryStages.Where(s => s.Stage != stage)] };
        return await tagging.TagAsync(item.Id, version ?? string.Empty, tags, Editor, source, HttpContext.RequestAborted);
    }

    private IActionResult EditError(ContentItem item, EditForm form, string error)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View(BackOfficeViews.Edit, new EditViewModel(item, stages, item.IsUntagged ? suggestions.For(item) : null, form, error) { Catalog = content.Current.Items });
    }

    /// <summary>Back to the list the editor came from (post/redirect/get); the outcome is in the flash message.</summary>
    private IActionResult Back(string? returnUrl)
    {
        var target = Url.IsLocalUrl(returnUrl) && returnUrl!.StartsWith(BackOfficeRoutes.Root, StringComparison.Ordinal) ? returnUrl : Url.Action(nameof(Index))!;
        Response.Headers.Location = target;
        return new StatusCodeResult(StatusCodes.Status303SeeOther);
    }

    private string Editor => BackOfficeUser.NameOf(User);

    private int StageOrder(string? key) => stages.FindStage(key)?.Order ?? -1;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
