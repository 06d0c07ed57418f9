using JourneyContent.Content;

namespace JourneyContent.Inference;

/// <summary>The content signals of a site, found by content id or slug without allocating.</summary>
/// <remarks>
/// Ids are looked up first, then slugs; both are compared ordinally (case-sensitive), as stored. A slug shared by
/// items of several languages resolves to the item whose id sorts first (ordinal); look such items up by id.
/// Lookups by <see cref="ReadOnlySpan{T}"/> let a history reader resolve a field without making a string.
/// </remarks>
public sealed class ContentSignalIndex
{
    private readonly Dictionary<string, ContentSignal> _byKey;
    private readonly Dictionary<string, ContentSignal>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    private ContentSignalIndex(Dictionary<string, ContentSignal> byKey, int count)
    {
        _byKey = byKey;
        _bySpan = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        Count = count;
    }

    /// <summary>The number of content items indexed.</summary>
    public int Count { get; }

    /// <summary>Resolves every item once against <paramref name="model"/> and indexes the signals.</summary>
    /// <exception cref="ArgumentException">Two items share an id.</exception>
    public static ContentSignalIndex Create(CompiledInferenceModel model, IEnumerable<ContentItem> items)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(items);
        var signals = items.Select(model.Signal).OrderBy(s => s.ContentId, StringComparer.Ordinal).ToList();
        var byKey = new Dictionary<string, ContentSignal>(signals.Count * 2, StringComparer.Ordinal);
        foreach (var signal in signals)
        {
            if (!byKey.TryAdd(signal.ContentId, signal))
            {
                throw new ArgumentException($"Two content items have the id '{signal.ContentId}'.", nameof(items));
            }
        }

        var slugs = items.Select(i => (i.Id, i.Slug)).OrderBy(p => p.Id, StringComparer.Ordinal);
        foreach (var (id, slug) in slugs)
        {
            if (!string.IsNullOrEmpty(slug))
            {
                byKey.TryAdd(slug, byKey[id]);
            }
        }

        return new ContentSignalIndex(byKey, signals.Count);
    }

    /// <summary>Finds the signal of the item with this id or slug.</summary>
    public bool TryFind(string? idOrSlug, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ContentSignal? signal)
    {
        if (idOrSlug is null)
        {
            signal = null;
            return false;
        }

        return _byKey.TryGetValue(idOrSlug, out signal);
    }

    /// <summary>Finds the signal of the item with this id or slug, given as characters; allocates nothing.</summary>
    public bool TryFind(ReadOnlySpan<char> idOrSlug, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ContentSignal? signal) =>
        _bySpan.TryGetValue(idOrSlug, out signal);
}
