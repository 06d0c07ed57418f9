namespace JourneyContent.Content;

/// <summary>An immutable view of all content at one moment, with the errors found while loading it.</summary>
/// <remarks>
/// Sources build a new snapshot on every change and swap it in whole, so a request always sees one consistent
/// catalogue. Items are ordered by language, then newest first, then by slug, so listings are stable.
/// </remarks>
public sealed class ContentSnapshot
{
    private readonly Dictionary<string, ContentItem> _byLanguageAndSlug;
    private readonly Dictionary<string, ContentItem> _byId;
    private readonly Dictionary<string, ContentItem> _byUrl;
    private readonly ILookup<string, ContentItem> _byTranslationKey;

    /// <summary>Creates a snapshot. Items must have unique <see cref="ContentItem.Id"/>s and unique slugs per language.</summary>
    public ContentSnapshot(IEnumerable<ContentItem> items, IEnumerable<ContentLoadError> errors, DateTimeOffset loadedAt)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(errors);
        Items = [.. items
            .OrderBy(i => i.Language, StringComparer.Ordinal)
            .ThenByDescending(i => i.Date ?? DateOnly.MinValue)
            .ThenBy(i => i.Slug, StringComparer.Ordinal)];
        Errors = [.. errors];
        LoadedAt = loadedAt;
        _byLanguageAndSlug = Items.ToDictionary(i => Key(i.Language, i.Slug), StringComparer.OrdinalIgnoreCase);
        _byId = Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        _byUrl = new Dictionary<string, ContentItem>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in Items)
        {
            _byUrl.TryAdd(UrlKey(item.Url), item);
        }

        _byTranslationKey = Items.Where(i => i.TranslationKey is not null).ToLookup(i => i.TranslationKey!, StringComparer.Ordinal);
        Languages = [.. Items.Select(i => i.Language).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
        Topics = [.. Items.SelectMany(i => i.Topics).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>A snapshot with nothing in it.</summary>
    public static ContentSnapshot Empty { get; } = new([], [], DateTimeOffset.MinValue);

    /// <summary>Every loaded item.</summary>
    public IReadOnlyList<ContentItem> Items { get; }

    /// <summary>Files or nodes that were rejected, and why.</summary>
    public IReadOnlyList<ContentLoadError> Errors { get; }

    /// <summary>When the snapshot was built.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>The languages that have content.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>Every topic used by some item.</summary>
    public IReadOnlyList<string> Topics { get; }

    /// <summary>The item with this slug in this language, or null.</summary>
    public ContentItem? Find(string language, string slug) =>
        _byLanguageAndSlug.GetValueOrDefault(Key(language, slug));

    /// <summary>The item with this id, or null.</summary>
    public ContentItem? FindById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The item whose page is at <paramref name="path"/> (a site path; a query string or fragment is ignored, and so is a
    /// trailing slash, since CMSs serve <c>/post</c> and <c>/post/</c> alike), or null.
    /// </summary>
    public ContentItem? FindByUrl(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var end = path.AsSpan().IndexOfAny('?', '#');
        var key = UrlKey(end < 0 ? path : path[..end]);
        return key.Length == 0 ? null : _byUrl.GetValueOrDefault(key);
    }

    /// <summary>The items that are versions of one another through <paramref name="translationKey"/>, in snapshot order.</summary>
    public IEnumerable<ContentItem> WithTranslationKey(string translationKey) => _byTranslationKey[translationKey];

    /// <summary>The items of one language, in snapshot order.</summary>
    public IEnumerable<ContentItem> InLanguage(string language) =>
        Items.Where(i => string.Equals(i.Language, language, StringComparison.OrdinalIgnoreCase));

    /// <summary>The items of one language that carry a topic.</summary>
    public IEnumerable<ContentItem> WithTopic(string language, string topic) =>
        InLanguage(language).Where(i => i.Topics.Contains(topic, StringComparer.OrdinalIgnoreCase));

    /// <summary>The version of <paramref name="item"/> in <paramref name="language"/>, through its translation key, or null.</summary>
    public ContentItem? Translation(ContentItem item, string language)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (string.Equals(item.Language, language, StringComparison.OrdinalIgnoreCase))
        {
            return item;
        }

        return item.TranslationKey is null
            ? null
            : _byTranslationKey[item.TranslationKey].FirstOrDefault(i => string.Equals(i.Language, language, StringComparison.OrdinalIgnoreCase));
    }

    private static string Key(string language, string slug) => language + "/" + slug;

    /// <summary>A path without its trailing slashes; the site root stays <c>/</c>.</summary>
    private static string UrlKey(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed.Length == 0 && path.Length > 0 ? "/" : trimmed;
    }
}
