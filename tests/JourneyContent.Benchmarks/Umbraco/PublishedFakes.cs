using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.PublishedCache;
using Umbraco.Cms.Core.Routing;
using Umbraco.Cms.Core.Services.Navigation;
using Umbraco.Cms.Core.Web;

namespace JourneyContent.Benchmarks.Umbraco;

// Hand-written doubles of Umbraco.Cms.Core 17's published-content interfaces, for benchmarks: unlike NSubstitute's
// (argument matching, call recording, a Task per call), their cost is a field read or one dictionary lookup, so the
// figures are the content source's own. Only what UmbracoContentSource and PublishedContentMapper call is implemented;
// the rest throws NotSupportedException.

/// <summary>A document type: its alias and its compositions.</summary>
internal sealed class FakeContentType(string alias, PublishedItemType itemType, params string[] compositions) : IPublishedContentType
{
    public Guid Key { get; } = Guid.NewGuid();

    public int Id => throw new NotSupportedException();

    public string Alias { get; } = alias;

    public PublishedItemType ItemType { get; } = itemType;

    public HashSet<string> CompositionAliases { get; } = new(compositions, StringComparer.OrdinalIgnoreCase);

    public ContentVariation Variations => ContentVariation.Culture;

    public bool IsElement => false;

    public IEnumerable<IPublishedPropertyType> PropertyTypes => throw new NotSupportedException();

    public int GetPropertyIndex(string alias) => throw new NotSupportedException();

    public IPublishedPropertyType? GetPropertyType(string alias) => throw new NotSupportedException();

    public IPublishedPropertyType? GetPropertyType(int index) => throw new NotSupportedException();
}

/// <summary>A property holding what its value converter delivers: one value (invariant) or one per culture.</summary>
internal sealed class FakeProperty(string alias, bool variesByCulture) : IPublishedProperty
{
    private readonly Dictionary<string, object?>? _byCulture = variesByCulture ? new(StringComparer.OrdinalIgnoreCase) : null;
    private object? _invariant;

    public IPublishedPropertyType PropertyType => throw new NotSupportedException();

    public string Alias { get; } = alias;

    /// <summary>Sets the converted value in <paramref name="culture"/> (ignored by an invariant property).</summary>
    public void Set(string? culture, object? value)
    {
        if (_byCulture is null)
        {
            _invariant = value;
        }
        else
        {
            _byCulture[culture ?? string.Empty] = value;
        }
    }

    public bool HasValue(string? culture = null, string? segment = null) => GetValue(culture, segment) is not null;

    public object? GetSourceValue(string? culture = null, string? segment = null) => throw new NotSupportedException();

    // As Umbraco's: an invariant property ignores the culture asked for; a variant one has nothing in a culture it was not given.
    public object? GetValue(string? culture = null, string? segment = null) =>
        _byCulture is null ? _invariant : _byCulture.GetValueOrDefault(culture ?? string.Empty);

    public object? GetDeliveryApiValue(bool expanding, string? culture = null, string? segment = null) => throw new NotSupportedException();
}

/// <summary>A published document (or media item) as the published cache gives it, with its URL in each culture.</summary>
internal sealed class FakeDocument : IPublishedContent
{
    private readonly Dictionary<string, PublishedCultureInfo> _cultures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FakeProperty> _properties = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _urls = new(StringComparer.OrdinalIgnoreCase);

    public FakeDocument(Guid key, int id, string name, string urlSegment, FakeContentType contentType, DateTime updated, int level, string path)
    {
        Key = key;
        Id = id;
        Name = name;
        UrlSegment = urlSegment;
        ContentType = contentType;
        UpdateDate = updated;
        CreateDate = updated.AddDays(-3);
        Level = level;
        Path = path;
    }

    public Guid Key { get; }

    public int Id { get; }

    public string Name { get; }

    public string? UrlSegment { get; }

    public IPublishedContentType ContentType { get; }

    public IEnumerable<IPublishedProperty> Properties => _properties.Values;

    public int SortOrder => 0;

    public int Level { get; }

    public string Path { get; }

    public int? TemplateId => null;

    public int CreatorId => -1;

    public DateTime CreateDate { get; }

    public int WriterId => -1;

    public DateTime UpdateDate { get; }

    /// <summary>The published cultures; an invariant document has one entry under the empty string, as Umbraco's does.</summary>
    public IReadOnlyDictionary<string, PublishedCultureInfo> Cultures => _cultures;

    public PublishedItemType ItemType => ContentType.ItemType;

    public IPublishedContent? Parent => throw new NotSupportedException();

    public IEnumerable<IPublishedContent> Children => throw new NotSupportedException();

    public IPublishedProperty? GetProperty(string alias) => _properties.GetValueOrDefault(alias);

    public bool IsDraft(string? culture = null) => false;

    public bool IsPublished(string? culture = null) => culture is not { Length: > 0 } || _cultures.ContainsKey(culture);

    /// <summary>Publishes the document in <paramref name="culture"/> (empty for invariant) at <paramref name="url"/>.</summary>
    public FakeDocument PublishIn(string culture, string name, string urlSegment, DateTime date, string url)
    {
        _cultures[culture] = new PublishedCultureInfo(culture, name, urlSegment, date);
        _urls[culture] = url;
        return this;
    }

    /// <summary>Sets a property's converted value, creating the property; a variant property needs a culture.</summary>
    public FakeDocument With(string alias, object? value, string? culture = null, bool variesByCulture = true)
    {
        if (!_properties.TryGetValue(alias, out var property))
        {
            property = new FakeProperty(alias, variesByCulture);
            _properties[alias] = property;
        }

        property.Set(culture, value);
        return this;
    }

    /// <summary>The URL Umbraco's URL provider gives in <paramref name="culture"/>, or null.</summary>
    public string? UrlIn(string? culture) => _urls.GetValueOrDefault(culture ?? string.Empty);
}

/// <summary>The URL provider: each fake document knows its URLs.</summary>
internal sealed class FakeUrlProvider : IPublishedUrlProvider
{
    public UrlMode Mode { get; set; } = UrlMode.Relative;

    public string GetUrl(IPublishedContent? content, UrlMode mode = UrlMode.Default, string? culture = null, Uri? current = null) =>
        (content as FakeDocument)?.UrlIn(culture) ?? "#";

    public string GetMediaUrl(IPublishedContent? content, UrlMode mode = UrlMode.Default, string? culture = null, string propertyAlias = Constants.Conventions.Media.File, Uri? current = null) =>
        (content as FakeDocument)?.UrlIn(null) ?? string.Empty;

    public string GetUrl(Guid id, UrlMode mode = UrlMode.Default, string? culture = null, Uri? current = null) => throw new NotSupportedException();

    public string GetUrl(int id, UrlMode mode = UrlMode.Default, string? culture = null, Uri? current = null) => throw new NotSupportedException();

    public string GetUrlFromRoute(int id, string? route, string? culture) => throw new NotSupportedException();

    public IEnumerable<UrlInfo> GetOtherUrls(int id) => throw new NotSupportedException();

    public IEnumerable<UrlInfo> GetOtherUrls(int id, Uri current) => throw new NotSupportedException();

    public string GetMediaUrl(Guid id, UrlMode mode = UrlMode.Default, string? culture = null, string propertyAlias = Constants.Conventions.Media.File, Uri? current = null) =>
        throw new NotSupportedException();
}

/// <summary>The document navigation: the roots and, for each root, its descendants in tree order.</summary>
internal sealed class FakeNavigation(IReadOnlyList<Guid> roots, IReadOnlyDictionary<Guid, Guid[]> descendants) : IDocumentNavigationQueryService
{
    public bool TryGetRootKeys(out IEnumerable<Guid> rootKeys)
    {
        rootKeys = roots;
        return true;
    }

    public bool TryGetDescendantsKeys(Guid parentKey, out IEnumerable<Guid> descendantsKeys)
    {
        if (descendants.TryGetValue(parentKey, out var keys))
        {
            descendantsKeys = keys;
            return true;
        }

        descendantsKeys = [];
        return false;
    }

    public bool TryGetParentKey(Guid childKey, out Guid? parentKey) => throw new NotSupportedException();

    public bool TryGetRootKeysOfType(string contentTypeAlias, out IEnumerable<Guid> rootKeys) => throw new NotSupportedException();

    public bool TryGetChildrenKeys(Guid parentKey, out IEnumerable<Guid> childrenKeys) => throw new NotSupportedException();

    public bool TryGetHasChildren(Guid parentKey, out bool hasChildren) => throw new NotSupportedException();

    public bool TryGetChildrenKeysOfType(Guid parentKey, string contentTypeAlias, out IEnumerable<Guid> childrenKeys) => throw new NotSupportedException();

    public bool TryGetDescendantsKeysOrSelfKeys(Guid parentKey, out IEnumerable<Guid> descendantsOrSelfKeys) => throw new NotSupportedException();

    public bool TryGetDescendantsKeysOfType(Guid parentKey, string contentTypeAlias, out IEnumerable<Guid> descendantsKeys) => throw new NotSupportedException();

    public bool TryGetAncestorsKeys(Guid childKey, out IEnumerable<Guid> ancestorsKeys) => throw new NotSupportedException();

    public bool TryGetAncestorsOrSelfKeys(Guid childKey, out IEnumerable<Guid> ancestorsOrSelfKeys) => throw new NotSupportedException();

    public bool TryGetAncestorsKeysOfType(Guid parentKey, string contentTypeAlias, out IEnumerable<Guid> ancestorsKeys) => throw new NotSupportedException();

    public bool TryGetSiblingsKeys(Guid key, out IEnumerable<Guid> siblingsKeys) => throw new NotSupportedException();

    public bool TryGetSiblingsKeysOfType(Guid key, string contentTypeAlias, out IEnumerable<Guid> siblingsKeys) => throw new NotSupportedException();

    public bool TryGetLevel(Guid contentKey, [NotNullWhen(true)] out int? level) => throw new NotSupportedException();

    public bool TryGetParentKeyInBin(Guid childKey, out Guid? parentKey) => throw new NotSupportedException();

    public bool TryGetChildrenKeysInBin(Guid parentKey, out IEnumerable<Guid> childrenKeys) => throw new NotSupportedException();

    public bool TryGetHasChildrenInBin(Guid parentKey, out bool hasChildren) => throw new NotSupportedException();

    public bool TryGetDescendantsKeysInBin(Guid parentKey, out IEnumerable<Guid> descendantsKeys) => throw new NotSupportedException();

    public bool TryGetDescendantsKeysOrSelfKeysInBin(Guid childKey, out IEnumerable<Guid> descendantsOrSelfKeys) => throw new NotSupportedException();

    public bool TryGetAncestorsKeysInBin(Guid childKey, out IEnumerable<Guid> ancestorsKeys) => throw new NotSupportedException();

    public bool TryGetSiblingsKeysInBin(Guid key, out IEnumerable<Guid> siblingsKeys) => throw new NotSupportedException();
}

/// <summary>The published content cache, answering with completed tasks made once (so no allocation is the fake's).</summary>
internal sealed class FakeContentCache : IPublishedContentCache
{
    private static readonly Task<IPublishedContent?> Missing = Task.FromResult<IPublishedContent?>(null);
    private readonly Dictionary<Guid, Task<IPublishedContent?>> _byKey = [];

    public void Add(IPublishedContent content) => _byKey[content.Key] = Task.FromResult<IPublishedContent?>(content);

    public Task<IPublishedContent?> GetByIdAsync(Guid key, bool? preview = null) => _byKey.GetValueOrDefault(key) ?? Missing;

    public Task<IPublishedContent?> GetByIdAsync(int id, bool? preview = null) => throw new NotSupportedException();

    public IPublishedContent? GetById(bool preview, int contentId) => throw new NotSupportedException();

    public IPublishedContent? GetById(bool preview, Guid contentId) => throw new NotSupportedException();

    public IPublishedContent? GetById(int contentId) => throw new NotSupportedException();

    public IPublishedContent? GetById(Guid contentId) => throw new NotSupportedException();
}

/// <summary>An Umbraco context that nothing reads (the content source only makes sure one exists).</summary>
internal sealed class FakeUmbracoContext : IUmbracoContext
{
    public DateTime ObjectCreated { get; } = DateTime.UtcNow;

    public Uri OriginalRequestUrl => throw new NotSupportedException();

    public Uri CleanedUmbracoUrl => throw new NotSupportedException();

    public IPublishedContentCache Content => throw new NotSupportedException();

    public IPublishedMediaCache Media => throw new NotSupportedException();

    public IDomainCache Domains => throw new NotSupportedException();

    public IPublishedRequest? PublishedRequest
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public bool IsDebug => false;

    public bool InPreviewMode => false;

    public void Dispose()
    {
    }
}

/// <summary>Holds the one fake Umbraco context.</summary>
internal sealed class FakeUmbracoContextAccessor(IUmbracoContext context) : IUmbracoContextAccessor
{
    public bool TryGetUmbracoContext(out IUmbracoContext umbracoContext)
    {
        umbracoContext = context;
        return true;
    }

    public void Clear()
    {
    }

    public void Set(IUmbracoContext umbracoContext)
    {
    }
}

/// <summary>Gives a reference to an existing (not root) context, as Umbraco's factory does inside a request.</summary>
internal sealed class FakeUmbracoContextFactory : IUmbracoContextFactory
{
    private readonly FakeUmbracoContext _context = new();
    private readonly FakeUmbracoContextAccessor _accessor;

    public FakeUmbracoContextFactory() => _accessor = new FakeUmbracoContextAccessor(_context);

    public UmbracoContextReference EnsureUmbracoContext() => new(_context, false, _accessor);
}

/// <summary>Options that never change.</summary>
internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue { get; } = value;

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
