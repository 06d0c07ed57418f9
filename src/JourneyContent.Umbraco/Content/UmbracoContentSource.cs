using JourneyContent.Content;
using JourneyContent.Umbraco.DocumentTypes;
using JourneyContent.Web.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.PublishedCache;
using Umbraco.Cms.Core.Services.Navigation;
using Umbraco.Cms.Core.Web;

namespace JourneyContent.Umbraco.Content;

/// <summary>JourneyContent's catalogue on an Umbraco site: every published document whose type has the Journey composition, in every site language it is published in.</summary>
/// <remarks>
/// <para>Documents are walked through <see cref="IDocumentNavigationQueryService"/> (roots, then their descendants) and
/// read from the published <see cref="IPublishedContentCache"/>; each culture of a journey document becomes one item
/// through <see cref="PublishedContentMapper"/>, in the language named by the culture's first part
/// (<c>fr-CA</c> → <c>fr</c>) when the site has that language. Invariant documents are in the site's default
/// language. A document that cannot be listed (no URL, a slug already used in its language, a failing value
/// converter) becomes a <see cref="ContentLoadError"/> naming it; it never stops the rest.</para>
/// <para><see cref="Refresh"/> asks for a rebuild and returns at once: requests are coalesced until publishing has
/// been quiet for <see cref="UmbracoContentOptions.RefreshDelay"/> (but no longer than
/// <see cref="UmbracoContentOptions.RefreshMaxDelay"/>), measured with the injected <see cref="TimeProvider"/>, then
/// one rebuild runs in the background, swaps <see cref="Current"/> and raises <see cref="Changed"/>. Rebuilds never
/// overlap. A rebuild that fails keeps the previous snapshot and logs the error. <see cref="Current"/> never blocks;
/// it is empty until the first rebuild (Umbraco's application-started notification asks for it).</para>
/// </remarks>
public sealed class UmbracoContentSource : IContentSource, IDisposable
{
    private readonly IDocumentNavigationQueryService _navigation;
    private readonly IPublishedContentCache _cache;
    private readonly IUmbracoContextFactory _contexts;
    private readonly PublishedContentMapper _mapper;
    private readonly IOptionsMonitor<JourneyContentOptions> _site;
    private readonly TimeProvider _time;
    private readonly ILogger<UmbracoContentSource> _logger;
    private readonly TimeSpan _delay;
    private readonly TimeSpan _maxDelay;
    private readonly ITimer _timer;
    private readonly SemaphoreSlim _rebuildGate = new(1, 1);
    private readonly Lock _scheduleLock = new();
    private DateTimeOffset? _pendingSince;
    private Catalogue _catalogue = Catalogue.Empty;
    private volatile bool _disposed;

    /// <summary>Creates the source; nothing is read until the first <see cref="Refresh"/> or <see cref="RefreshNowAsync"/>.</summary>
    public UmbracoContentSource(
        IDocumentNavigationQueryService navigation,
        IPublishedContentCache cache,
        IUmbracoContextFactory contexts,
        PublishedContentMapper mapper,
        IOptionsMonitor<JourneyContentOptions> siteOptions,
        IOptions<UmbracoContentOptions> options,
        TimeProvider time,
        ILogger<UmbracoContentSource> logger)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(siteOptions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _navigation = navigation;
        _cache = cache;
        _contexts = contexts;
        _mapper = mapper;
        _site = siteOptions;
        _time = time;
        _logger = logger;
        _delay = options.Value.RefreshDelay > TimeSpan.Zero ? options.Value.RefreshDelay : TimeSpan.Zero;
        _maxDelay = options.Value.RefreshMaxDelay > _delay ? options.Value.RefreshMaxDelay : _delay;

        // The timer must not capture the caller's execution context: the source may be created inside a request,
        // and rebuilds must not see that request's HttpContext or Umbraco context.
        if (ExecutionContext.IsFlowSuppressed())
        {
            _timer = time.CreateTimer(_ => OnQuiet(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        else
        {
            using (ExecutionContext.SuppressFlow())
            {
                _timer = time.CreateTimer(_ => OnQuiet(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <inheritdoc />
    public ContentSnapshot Current => Volatile.Read(ref _catalogue).Snapshot;

    /// <inheritdoc />
    public event EventHandler<ContentChangedEventArgs>? Changed;

    /// <summary>Asks for a rebuild in the background and returns at once; a burst of requests costs one rebuild.</summary>
    public void Refresh()
    {
        if (_disposed)
        {
            return;
        }

        lock (_scheduleLock)
        {
            // Each request restarts the quiet period, up to the longest wait counted from the first pending request.
            var now = _time.GetUtcNow();
            _pendingSince ??= now;
            var untilLatest = _pendingSince.Value + _maxDelay - now;
            var due = untilLatest < _delay ? untilLatest : _delay;
            try
            {
                _timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Disposed between the check and the call: nothing is left to rebuild for.
            }
        }
    }

    /// <summary>Rebuilds the catalogue now (after a rebuild already running), swaps it in and raises <see cref="Changed"/>.</summary>
    /// <remarks>For start-up and tests. Throws only when <paramref name="cancellationToken"/> is cancelled: a failed rebuild keeps the previous snapshot and is logged.</remarks>
    public async Task RefreshNowAsync(CancellationToken cancellationToken)
    {
        await _rebuildGate.WaitAsync(cancellationToken);
        try
        {
            if (_disposed)
            {
                return;
            }

            Catalogue next;
            try
            {
                next = await BuildAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Rebuilding JourneyContent's catalogue from Umbraco's published content failed; the previous catalogue stays online");
                return;
            }

            var previous = Interlocked.Exchange(ref _catalogue, next);
            LogLoaded(next.Snapshot);
            RaiseChanged(new ContentChangedEventArgs(previous.Snapshot, next.Snapshot));
        }
        finally
        {
            _rebuildGate.Release();
        }
    }

    /// <summary>The key of the Umbraco media item behind the gated asset of the item <paramref name="itemId"/> in <see cref="Current"/>, or null.</summary>
    public Guid? FindGatedMedia(string itemId) =>
        Volatile.Read(ref _catalogue).GatedMedia.TryGetValue(itemId, out var key) ? key : null;

    /// <summary>Stops scheduling rebuilds; <see cref="Current"/> keeps answering with the last snapshot.</summary>
    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
    }

    private static bool IsJourneyDocument(IPublishedContentType? type) =>
        type is not null
        && (string.Equals(type.Alias, JourneyProperties.CompositionAlias, StringComparison.OrdinalIgnoreCase)
            || (type.CompositionAliases ?? []).Any(a => string.Equals(a, JourneyProperties.CompositionAlias, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The two-letter language of a culture: <c>en-US</c> → <c>en</c>.</summary>
    internal static string LanguageOf(string culture)
    {
        var dash = culture.IndexOf('-', StringComparison.Ordinal);
        return (dash < 0 ? culture : culture[..dash]).Trim().ToLowerInvariant();
    }

    /// <summary>The published cultures of a document that the site serves, with their language; an invariant document is in the default language.</summary>
    private static List<(string Culture, string Language)> CulturesOf(IPublishedContent content, HashSet<string> languages, string defaultLanguage)
    {
        var cultures = (content.Cultures?.Keys ?? [])
            .Where(c => !string.IsNullOrEmpty(c))
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (cultures.Count == 0)
        {
            return languages.Contains(defaultLanguage) ? [(string.Empty, defaultLanguage)] : [];
        }

        return [.. cultures
            .Where(content.IsPublished)
            .Select(c => (Culture: c, Language: LanguageOf(c)))
            .Where(c => languages.Contains(c.Language))];
    }

    private void OnQuiet()
    {
        lock (_scheduleLock)
        {
            _pendingSince = null;
        }

        if (!_disposed)
        {
            _ = RebuildInBackgroundAsync();
        }
    }

    private async Task RebuildInBackgroundAsync()
    {
        try
        {
            await RefreshNowAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // RefreshNowAsync already keeps failures to itself; this only guards the fire-and-forget task.
            _logger.LogError(ex, "A background rebuild of JourneyContent's catalogue failed");
        }
    }

    private async Task<Catalogue> BuildAsync(CancellationToken cancellationToken)
    {
        var site = _site.CurrentValue;
        var languages = site.EffectiveLanguages.ToHashSet(StringComparer.Ordinal);
        var defaultLanguage = (site.DefaultLanguage ?? string.Empty).Trim().ToLowerInvariant();
        var items = new List<ContentItem>();
        var errors = new List<ContentLoadError>();
        var gatedMedia = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var slugOwners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var attempts = 0;
        var failures = new List<Exception>();

        // Umbraco's URL provider and some value converters need an Umbraco context, which a background thread lacks.
        using var context = _contexts.EnsureUmbracoContext();
        foreach (var key in DocumentKeys())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var content = await _cache.GetByIdAsync(key, preview: false);
            if (content is null || !IsJourneyDocument(content.ContentType))
            {
                continue;
            }

            foreach (var (culture, language) in CulturesOf(content, languages, defaultLanguage))
            {
                var source = PublishedContentMapper.Describe(content, culture.Length > 0 ? culture : null);
                attempts++;
                ContentItem? item;
                try
                {
                    item = _mapper.Map(content, culture, language, errors);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failures.Add(ex);
                    _logger.LogWarning(ex, "Reading {Document} in {Culture} for JourneyContent failed; it is left out", source, culture);
                    errors.Add(new ContentLoadError(source, null, null, $"The document could not be read ({ex.GetType().Name}: {ex.Message}); it is left out."));
                    continue;
                }

                if (item is null)
                {
                    continue;
                }

                if (ids.Contains(item.Id))
                {
                    errors.Add(new ContentLoadError(source, null, null,
                        $"Its {culture} version is left out: another culture of the document already gives its '{language}' page."));
                    continue;
                }

                var slugKey = item.Language + "/" + item.Slug;
                if (slugOwners.TryGetValue(slugKey, out var owner))
                {
                    errors.Add(new ContentLoadError(source, null, null,
                        $"It is left out: its slug '{item.Slug}' is already used in '{item.Language}' by {owner}. Change the URL segment of one of them."));
                    continue;
                }

                ids.Add(item.Id);
                slugOwners[slugKey] = source;
                items.Add(item);
                if (item.IsGated && PublishedContentMapper.GatedMediaKey(content, culture) is { } mediaKey)
                {
                    gatedMedia[item.Id] = mediaKey;
                }
            }
        }

        if (attempts > 0 && failures.Count == attempts)
        {
            // Every document failing says the site is not ready (or a converter is broken everywhere): an empty
            // catalogue would take every page's recommendations down, so keep the previous one instead.
            throw new AggregateException("Every journey document failed to map.", failures.Take(5));
        }

        return new Catalogue(new ContentSnapshot(items, errors, _time.GetUtcNow()), gatedMedia);
    }

    private IEnumerable<Guid> DocumentKeys()
    {
        if (!_navigation.TryGetRootKeys(out var roots))
        {
            throw new InvalidOperationException("Umbraco's document navigation gave no root keys; it may not be initialised yet.");
        }

        var seen = new HashSet<Guid>();
        foreach (var root in roots.ToList())
        {
            if (seen.Add(root))
            {
                yield return root;
            }

            if (_navigation.TryGetDescendantsKeys(root, out var descendants))
            {
                foreach (var key in descendants)
                {
                    if (seen.Add(key))
                    {
                        yield return key;
                    }
                }
            }
        }
    }

    private void LogLoaded(ContentSnapshot snapshot)
    {
        if (snapshot.Errors.Count == 0)
        {
            _logger.LogInformation("JourneyContent's catalogue holds {ItemCount} items from Umbraco", snapshot.Items.Count);
        }
        else
        {
            _logger.LogWarning(
                "JourneyContent's catalogue holds {ItemCount} items from Umbraco; {ErrorCount} problems were found, the first: {FirstError}",
                snapshot.Items.Count,
                snapshot.Errors.Count,
                snapshot.Errors[0].ToString());
        }
    }

    private void RaiseChanged(ContentChangedEventArgs change) =>
        ContentChanges.Raise(Changed, this, change, ex => _logger.LogError(ex, "A subscriber to JourneyContent's content changes failed; the new catalogue is online regardless"));

    /// <summary>A snapshot and the media keys of its gated items, swapped together.</summary>
    private sealed record Catalogue(ContentSnapshot Snapshot, IReadOnlyDictionary<string, Guid> GatedMedia)
    {
        public static Catalogue Empty { get; } = new(ContentSnapshot.Empty, new Dictionary<string, Guid>());
    }
}
