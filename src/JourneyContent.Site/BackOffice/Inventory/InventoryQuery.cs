using JourneyContent.Content;

namespace JourneyContent.Site.BackOffice.Inventory;

/// <summary>The inventory's filters, sort and search, as they arrive in the query string.</summary>
public sealed record InventoryQuery
{
    /// <summary>A stage key, or <c>untagged</c>.</summary>
    public string? Stage { get; init; }

    /// <summary>True counts only the primary stage for <see cref="Stage"/>, as the coverage matrix does; false matches secondary stages too.</summary>
    public bool Primary { get; init; }

    /// <summary>A content kind key.</summary>
    public string? Kind { get; init; }

    /// <summary>A language code.</summary>
    public string? Language { get; init; }

    /// <summary>Words to find in titles.</summary>
    public string? Q { get; init; }

    /// <summary>Show only the files rejected at load.</summary>
    public bool Errors { get; init; }

    /// <summary><c>title</c>, <c>date</c>, <c>stage</c>, <c>kind</c> or <c>language</c>.</summary>
    public string? Sort { get; init; }

    /// <summary>True for descending order.</summary>
    public bool Desc { get; init; }

    /// <summary>The value for <see cref="Stage"/> that selects untagged items.</summary>
    public const string Untagged = "untagged";

    /// <summary>Applies the filters and the sort to <paramref name="items"/>; ties are broken by language then slug.</summary>
    public IReadOnlyList<ContentItem> Apply(IEnumerable<ContentItem> items, Func<string?, int> stageOrder)
    {
        ArgumentNullException.ThrowIfNull(stageOrder);
        var query = items;
        if (string.Equals(Stage, Untagged, StringComparison.Ordinal))
        {
            query = query.Where(i => i.IsUntagged);
        }
        else if (!string.IsNullOrEmpty(Stage))
        {
            query = Primary
                ? query.Where(i => i.Stage == Stage)
                : query.Where(i => i.Stage == Stage || i.SecondaryStages.Any(s => s.Stage == Stage));
        }

        if (!string.IsNullOrEmpty(Kind))
        {
            query = query.Where(i => i.Kind == Kind);
        }

        if (!string.IsNullOrEmpty(Language))
        {
            query = query.Where(i => i.Language == Language);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var words = Q.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            query = query.Where(i => words.All(w => i.Title.Contains(w, StringComparison.CurrentCultureIgnoreCase)));
        }

        var ordered = (Sort ?? "title") switch
        {
            "date" => Desc ? query.OrderByDescending(i => i.Date) : query.OrderBy(i => i.Date),
            "stage" => Desc ? query.OrderByDescending(i => stageOrder(i.Stage)) : query.OrderBy(i => stageOrder(i.Stage)),
            "kind" => Desc ? query.OrderByDescending(i => i.Kind, StringComparer.Ordinal) : query.OrderBy(i => i.Kind, StringComparer.Ordinal),
            "language" => Desc ? query.OrderByDescending(i => i.Language, StringComparer.Ordinal) : query.OrderBy(i => i.Language, StringComparer.Ordinal),
            _ => Desc ? query.OrderByDescending(i => i.Title, StringComparer.CurrentCultureIgnoreCase) : query.OrderBy(i => i.Title, StringComparer.CurrentCultureIgnoreCase),
        };
        return [.. ordered.ThenBy(i => i.Language, StringComparer.Ordinal).ThenBy(i => i.Slug, StringComparer.Ordinal)];
    }

    /// <summary>This query with another sort, flipping the direction when the column is already the sort.</summary>
    public InventoryQuery SortedBy(string column) =>
        this with { Sort = column, Desc = string.Equals(Sort ?? "title", column, StringComparison.Ordinal) && !Desc };
}
