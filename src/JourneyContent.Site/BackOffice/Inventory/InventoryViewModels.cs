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
}

/// <summary>One inventory row: an item and, when it is untagged, the suggested stage.</summary>
public sealed record InventoryRow(ContentItem Item, StageSuggestion? Suggestion);

/// <summary>The edit page of one item.</summary>
public sealed record EditViewModel(ContentItem Item, StageModel Stages, StageSuggestion? Suggestion, EditForm Form, string? Error)
{
    /// <summary>Every item, for the pins of the recommendation fields.</summary>
    public IReadOnlyList<ContentItem> Catalog { get; init; } = [];
}

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

    /// <summary>Secondary stages as <c>stage:weight, …</c>.</summary>
    public string? Secondary { get; init; }

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
}
