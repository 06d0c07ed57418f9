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
    BulkUndoLog undo,
    TimeProvider time,
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
            LastBulkChange = undo.Last(Editor),
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
            Weights = item.SecondaryStages.ToDictionary(s => s.Stage, s => (string?)s.Weight.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal),
            ReturnUrl = returnUrl,
            HasRecommendations = true,
            PinnedNext = [.. item.PinnedNext],
            ExcludeFromRecommendations = item.ExcludedFromRecommendations,
            Boost = item.Boost.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
            HasTopicsAndOffer = true,
            Topics = string.Join(", ", item.Topics),
            OfferHeadline = item.CallToAction?.Headline,
            OfferText = item.CallToAction?.Text,
            OfferButton = item.CallToAction?.Button,
            OfferUrl = item.CallToAction?.Url,
            OfferStages = [.. item.CallToAction?.Stages ?? []],
            OfferAllStages = item.CallToAction?.AllStages ?? false,
        };
        return View(BackOfficeViews.Edit, new EditViewModel(item, stages, item.IsUntagged ? suggestions.For(item) : null, form, []) { Catalog = content.Current.Items });
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

        // Every problem of the form is shown at once, each by its field: those of the typed values first, then those
        // of the tags they make (unknown stage, a pin in another language…), which the tagging service would refuse.
        var errors = new List<FieldError>();
        var secondary = new List<StageWeight>();
        foreach (var (key, text) in form.Weights)
        {
            if (stages.FindStage(key) is not { } stage)
            {
                errors.Add(new FieldError(null, catalog.Describe(new TaggingProblem(TaggingProblemCodes.UnknownSecondaryStage, key), BackOfficeLanguage.Current)));
            }
            else if (EditForm.ParseWeight(text) is not { } weight)
            {
                errors.Add(new FieldError(EditForm.WeightField(stage.Key), texts["Edit.WeightInvalid", text ?? string.Empty, stage.Label.Get(BackOfficeLanguage.Current)].Value));
            }
            else if (weight > 0 && stage.Key == Blank(form.Stage))
            {
                errors.Add(new FieldError(EditForm.WeightField(stage.Key), texts["Edit.WeightOnPrimary", stage.Label.Get(BackOfficeLanguage.Current)].Value));
            }
            else if (weight > 0)
            {
                secondary.Add(new StageWeight(stage.Key, weight));
            }
        }

        var boost = 0.0;
        if (!string.IsNullOrWhiteSpace(form.Boost)
            && !double.TryParse(form.Boost, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out boost))
        {
            errors.Add(new FieldError("boost", texts["Edit.BoostInvalid", form.Boost].Value));
            boost = 0;
        }

        var tags = new ContentTags(form.Kind ?? item.Kind, Blank(form.Stage), [.. secondary.OrderBy(w => stages.FindStage(w.Stage)!.Order)])
        {
            Recommendations = form.HasRecommendations
                ? new RecommendationTags([.. form.PinnedNext.Where(id => !string.IsNullOrWhiteSpace(id))], form.ExcludeFromRecommendations, boost)
                : null,
            TopicsAndOffer = form.HasTopicsAndOffer ? TopicsAndOfferOf(form) : null,
        };
        errors.AddRange(tagging.Validate(item, tags).Select(p => new FieldError(FieldOf(p), catalog.Describe(p, BackOfficeLanguage.Current))));
        if (errors.Count > 0)
        {
            return EditError(item, form, StatusCodes.Status400BadRequest, errors);
        }

        var result = await tagging.TagAsync(item.Id, form.Version ?? string.Empty, tags, Editor, StageAuditSources.Edit, HttpContext.RequestAborted);
        if (!result.Saved)
        {
            return EditError(content.Current.FindById(item.Id) ?? item, form, StatusCodes.Status409Conflict, [.. result.Problems.Select(p => new FieldError(FieldOf(p), catalog.Describe(p, BackOfficeLanguage.Current)))]);
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

    /// <summary>
    /// Sets one stage on every selected item, in two steps: without <see cref="BulkTagForm.Confirmed"/> it shows what will
    /// change and asks for confirmation; with it, it applies the change and keeps it for undo. Items changed meanwhile
    /// are reported and left alone. Secondary stages are kept, except the one that becomes the primary stage, which the
    /// confirmation says.
    /// </summary>
    [HttpPost("content/bulk")]
    public async Task<IActionResult> Bulk([FromForm] BulkTagForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var stage = Blank(form.Stage);
        if (form.Selected.Count == 0)
        {
            TempData[MessageKey] = texts["Inventory.NothingSelected"].Value;
            return Back(form.ReturnUrl);
        }

        if (stage is not null && stages.FindStage(stage) is null)
        {
            return BadRequest(catalog.Describe(new TaggingProblem(TaggingProblemCodes.UnknownStage, stage), BackOfficeLanguage.Current));
        }

        var selected = form.Selected.Select(BulkSelection.Parse).ToList();
        if (!form.Confirmed)
        {
            var rows = selected
                .Select(s => content.Current.FindById(s.Id) is { } item ? new BulkPreviewRow(item, s.Value, item.SecondaryStages.FirstOrDefault(w => w.Stage == stage)) : null)
                .OfType<BulkPreviewRow>()
                .ToList();
            return View(BackOfficeViews.BulkConfirm, new BulkConfirmViewModel(form, rows, [.. selected.Where(s => content.Current.FindById(s.Id) is null).Select(s => s.Id)], stages));
        }

        var unchanged = 0;
        var problems = new List<string>();
        var changed = new List<BulkChangeItem>();
        foreach (var (id, version, _) in selected)
        {
            var before = content.Current.FindById(id);
            var result = await RetagAsync(id, version, stage, StageAuditSources.Bulk);
            if (!result.Saved)
            {
                problems.Add(Problem(result));
                continue;
            }

            if (before is not null && content.Current.FindById(id) is { } after && !SameTags(ContentTags.Of(before), ContentTags.Of(after)))
            {
                changed.Add(new BulkChangeItem(id, before.Title, ContentTags.Of(before), ContentTags.Of(after)));
            }
            else
            {
                unchanged++;
            }
        }

        undo.Record(Editor, new BulkChange(stage, time.GetUtcNow(), changed));
        var language = BackOfficeLanguage.Current;
        var saved = changed.Count;
        var messages = new List<string>();
        if (saved > 0)
        {
            messages.Add(texts[PluralText.Key("Inventory.Retagged", saved, language), saved].Value);
        }

        if (unchanged > 0)
        {
            messages.Add(texts[PluralText.Key("Inventory.AlreadyTagged", unchanged, language), unchanged].Value);
        }

        TempData[MessageKey] = string.Join(" ", [.. messages, .. problems]);
        return Back(form.ReturnUrl);
    }

    /// <summary>Undoes the editor's last bulk change: each item gets its earlier tags back, unless it was changed since.</summary>
    [HttpPost("content/bulk/undo")]
    public async Task<IActionResult> UndoBulk([FromForm] string? returnUrl)
    {
        if (undo.Take(Editor) is not { } change)
        {
            TempData[MessageKey] = texts["Inventory.Undo.Nothing"].Value;
            return Back(returnUrl);
        }

        var restored = 0;
        var problems = new List<string>();
        foreach (var entry in change.Items)
        {
            if (content.Current.FindById(entry.ItemId) is not { } item)
            {
                problems.Add(catalog.Describe(new TaggingProblem(TaggingProblemCodes.ItemGone, entry.ItemId), BackOfficeLanguage.Current));
                continue;
            }

            if (!SameTags(ContentTags.Of(item), entry.After))
            {
                problems.Add(texts["Inventory.Undo.ChangedSince", item.Title].Value);
                continue;
            }

            var result = await tagging.TagAsync(item.Id, item.Version ?? string.Empty, entry.Before, Editor, StageAuditSources.BulkUndo, HttpContext.RequestAborted);
            if (result.Saved)
            {
                restored++;
            }
            else
            {
                problems.Add(Problem(result));
            }
        }

        var language = BackOfficeLanguage.Current;
        TempData[MessageKey] = problems.Count > 0
            ? texts[PluralText.Key("Inventory.UndoneWithProblems", restored, language), restored, string.Join(" ", problems)].Value
            : texts[PluralText.Key("Inventory.Undone", restored, language), restored].Value;
        return Back(returnUrl);
    }

    private static bool SameTags(ContentTags a, ContentTags b) => a.Kind == b.Kind && a.Stage == b.Stage && a.SecondaryText == b.SecondaryText;

    private async Task<TaggingResult> RetagAsync(string? id, string? version, string? stage, string source)
    {
        if (content.Current.FindById(id ?? string.Empty) is not { } item)
        {
            return new TaggingResult(TagWriteOutcome.NotFound, new TaggingProblem(TaggingProblemCodes.ItemGone, id));
        }

        // The primary stage cannot also be a secondary one: a retag to a secondary stage drops it from the secondaries
        // (the bulk confirmation says so); the other secondary stages are kept.
        var tags = ContentTags.Of(item);
        tags = tags with { Stage = stage, SecondaryStages = [.. tags.SecondaryStages.Where(s => s.Stage != stage)] };
        return await tagging.TagAsync(item.Id, version ?? string.Empty, tags, Editor, source, HttpContext.RequestAborted);
    }

    private IActionResult EditError(ContentItem item, EditForm form, int status, IReadOnlyList<FieldError> errors)
    {
        Response.StatusCode = status;
        return View(BackOfficeViews.Edit, new EditViewModel(item, stages, item.IsUntagged ? suggestions.For(item) : null, form, errors) { Catalog = content.Current.Items });
    }

    /// <summary>The topics and offer of the edit page: topics trimmed, lower-cased and kept once, as the content loader reads them; no offer when every field is empty.</summary>
    private static TopicAndOfferTags TopicsAndOfferOf(EditForm form)
    {
        var topics = (form.Topics ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var offer = new CallToActionBlock
        {
            Headline = Blank(form.OfferHeadline?.Trim()),
            Text = Blank(form.OfferText?.Trim()),
            Button = Blank(form.OfferButton?.Trim()),
            Url = Blank(form.OfferUrl?.Trim()),
            Stages = [.. form.OfferStages.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal)],
            AllStages = form.OfferAllStages,
        };
        var none = offer is { Headline: null, Text: null, Button: null, Url: null, Stages.Count: 0, AllStages: false };
        return new TopicAndOfferTags(topics, none ? null : offer);
    }

    /// <summary>The edit page's field a tagging problem belongs to (the id of its control), or null for the form as a whole.</summary>
    private static string? FieldOf(TaggingProblem problem) => problem.Code switch
    {
        TaggingProblemCodes.UnknownKind => "kind",
        TaggingProblemCodes.UnknownStage => "stage",
        TaggingProblemCodes.BoostOutOfRange => "boost",
        TaggingProblemCodes.SecondaryIsPrimary or TaggingProblemCodes.SecondaryTwice or TaggingProblemCodes.UnknownSecondaryStage => "secondary",
        TaggingProblemCodes.PinnedUnknown or TaggingProblemCodes.PinnedSelf or TaggingProblemCodes.PinnedOtherLanguage or TaggingProblemCodes.PinnedTwice => "pins",
        TaggingProblemCodes.TopicInvalid or TaggingProblemCodes.TooManyTopics => "topics",
        TaggingProblemCodes.OfferUrlUnsafe or TaggingProblemCodes.OfferStageUnknown or TaggingProblemCodes.OfferHeadlineTooLong or TaggingProblemCodes.OfferTextTooLong or TaggingProblemCodes.OfferButtonTooLong or TaggingProblemCodes.OfferEmpty => "offer",
        _ => null,
    };

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
