namespace JourneyContent.Search;

/// <summary>What a visitor or an editor searched for.</summary>
/// <param name="Text">The words typed; operators are not interpreted.</param>
/// <param name="Language">The two-letter language to search in; only items of this language are returned.</param>
public sealed record SearchQuery(string Text, string Language)
{
    /// <summary>Only items whose primary stage is this key; null for every stage.</summary>
    public string? Stage { get; init; }

    /// <summary>True to include untagged items (editors only).</summary>
    public bool IncludeUntagged { get; init; }

    /// <summary>How many hits to skip, for paging.</summary>
    public int Skip { get; init; }

    /// <summary>How many hits to return (at most 100).</summary>
    public int Take { get; init; } = 10;
}
