using JourneyContent.Content;
using JourneyContent.Stages;
using JourneyContent.Suggestions;
using JourneyContent.Web.Suggestions;

namespace JourneyContent.Site.BackOffice.Inventory;

/// <summary>The content inventory page.</summary>
public sealed record InventoryViewModel(
    InventoryQuery Query,
    IReadOnlyList<InventoryRow> Rows,
    int Total,
    IReadOnlyList<ContentLoadError> Errors,
    StageModel Stages,
    IReadOnlyList<string> Languages,
    string? Message)
{
    /// <summary>How many items of the whole inventory have no stage.</summary>
    public int Untagged { get; init; }

    /// <summary>The signed-in editor's last bulk change, which can be undone; null when there is none.</summary>
    public BulkChange? LastBulkChange { get; init; }
}

/// <summary>The confirmation page of a bulk re-tagging.</summary>
/// <param name="Form">The form as posted, to post again confirmed.</param>
/// <param name="Rows">The selected items that exist.</param>
/// <param name="Missing">Ids of selected items that no longer exist.</param>
/// <param name="Stages">The stage model.</param>
public sealed record BulkConfirmViewModel(BulkTagForm Form, IReadOnlyList<BulkPreviewRow> Rows, IReadOnlyList<string> Missing, StageModel Stages);

/// <summary>One item of a bulk re-tagging's confirmation.</summary>
/// <param name="Item">The item as it is now.</param>
/// <param name="Selected">Its <c>id|version</c> selection, posted again.</param>
/// <param name="Promoted">The secondary stage that becomes the primary one (and so is no longer secondary), or null.</param>
public sealed record BulkPreviewRow(ContentItem Item, string Selected, StageWeight? Promoted);

/// <summary>A selected item of the bulk form: <c>id|version</c>.</summary>
/// <param name="Id">The item id.</param>
/// <param name="Version">The version the editor saw, or null.</param>
/// <param name="Value">The selection as posted.</param>
public sealed record BulkSelection(string Id, string? Version, string Value)
{
    /// <summary>Reads <c>id|version</c>; text without a bar is an id without a version.</summary>
    public static BulkSelection Parse(string? value)
    {
        var parts = (value ?? string.Empty).Split('|', 2);
        return new BulkSelection(parts[0], parts.Length > 1 ? parts[1] : null, value ?? string.Empty);
    }
}

/// <summary>One inventory row: an item and, when it is untagged, the suggested stage.</summary>
public sealed record InventoryRow(ContentItem Item, StageSuggestion? Suggestion);

/// <summary>The edit page of one item.</summary>
/// <param name="Errors">Every problem of the posted form, each with its field; empty on the first display.</param>
public sealed record EditViewModel(ContentItem Item, StageModel Stages, StageSuggestion? Suggestion, EditForm Form, IReadOnlyList<FieldError> Errors)
{
    /// <summary>Every item, for the pins of the recommendation fields.</summary>
    public IReadOnlyList<ContentItem> Catalog { get; init; } = [];

    /// <summary>The messages of one field (by the id of its control).</summary>
    public IEnumerable<string> ErrorsOf(string field) => Errors.Where(e => e.Field == field).Select(e => e.Message);
}

/// <summary>A problem of a posted form.</summary>
/// <param name="Field">The id of the control it concerns; null for the form as a whole.</param>
/// <param name="Message">What is wrong, in the editor's language.</param>
public sealed record FieldError(string? Field, string Message);

/// <summary>The tagging form of the edit page and of the inventory's inline and bulk forms.</summary>
public sealed record EditForm
{
    /// <summary>The item id.</summary>
    public string? Id { get; init; }

    /// <summary>The version the editor read; a different current version is a conflict.</summary>
    public string? Version { get; init; }

    /// <summary>The kind key.</summary>
    public string? Kind { get; init; }

    /// <summary>The stage key, or empty to leave the item untagged.</summary>
    public string? Stage { get; init; }

    /// <summary>The weight of each secondary stage by stage key, as typed (invariant, <c>0.3</c>); empty or 0 for none.</summary>
    public Dictionary<string, string?> Weights { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Where to return after saving (the inventory with its filters).</summary>
    public string? ReturnUrl { get; init; }

    /// <summary>True when the form carries the recommendation fields (the edit page); the inline forms leave them alone.</summary>
    public bool HasRecommendations { get; init; }

    /// <summary>Ids of the items pinned as next steps, in order.</summary>
    public IList<string> PinnedNext { get; init; } = [];

    /// <summary>True keeps the item out of automatic "next for you" lists.</summary>
    public bool ExcludeFromRecommendations { get; init; }

    /// <summary>The editorial boost, from -1 to 1, as invariant text (the form is the same whatever the request culture).</summary>
    public string? Boost { get; init; }

    /// <summary>True when the form carries the topics and offer fields (the edit page), so that empty ones remove them.</summary>
    public bool HasTopicsAndOffer { get; init; }

    /// <summary>Topic keys, separated by commas.</summary>
    public string? Topics { get; init; }

    /// <summary>The headline of the item's own call to action.</summary>
    public string? OfferHeadline { get; init; }

    /// <summary>Its supporting sentence.</summary>
    public string? OfferText { get; init; }

    /// <summary>Its button label.</summary>
    public string? OfferButton { get; init; }

    /// <summary>Where its button goes.</summary>
    public string? OfferUrl { get; init; }

    /// <summary>The stages it is for; none for the item's own stage.</summary>
    public IList<string> OfferStages { get; init; } = [];

    /// <summary>True when it is for every stage.</summary>
    public bool OfferAllStages { get; init; }

    /// <summary>The id of the weight control of <paramref name="stage"/>.</summary>
    public static string WeightField(string stage) => "weight-" + stage;

    /// <summary>
    /// Reads a typed weight: empty is 0 (not a secondary stage); otherwise a number from 0 to 1, with a point or a comma;
    /// null when it is not.
    /// </summary>
    public static double? ParseWeight(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        return double.TryParse(text.Trim().Replace(',', '.'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var weight)
            && weight >= 0 && weight <= 1
            ? weight
            : null;
    }
}

/// <summary>The bulk re-tagging form.</summary>
public sealed record BulkTagForm
{
    /// <summary>The selected items as <c>id|version</c> pairs.</summary>
    public IList<string> Selected { get; init; } = [];

    /// <summary>The stage to set, or empty to untag.</summary>
    public string? Stage { get; init; }

    /// <summary>Where to return.</summary>
    public string? ReturnUrl { get; init; }

    /// <summary>True once the editor confirmed on the confirmation page; the first post only shows what will change.</summary>
    public bool Confirmed { get; init; }
}
