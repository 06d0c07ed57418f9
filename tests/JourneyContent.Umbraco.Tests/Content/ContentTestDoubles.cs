using System.Collections.Concurrent;
using JourneyContent.Umbraco.DocumentTypes;
using Microsoft.Extensions.Logging;
using NSubstitute;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.PublishedCache;
using Umbraco.Cms.Core.Routing;
using Umbraco.Cms.Core.Services.Navigation;
using Umbraco.Cms.Core.Web;

namespace JourneyContent.Umbraco.Tests.Content;

/// <summary>
/// A published document as Umbraco's published cache gives it: an NSubstitute double of the real
/// <see cref="IPublishedContent"/>, <see cref="IPublishedContentType"/> and <see cref="IPublishedProperty"/>, whose
/// property values are what Umbraco's value converters would deliver.
/// </summary>
internal sealed class FakeDocument
{
    public static readonly DateTime Updated = new(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc);

    private const string AnyCulture = "*";
    private readonly Dictionary<string, Dictionary<string, object?>> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IPublishedProperty> _properties = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PublishedCultureInfo> _cultures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An invariant document (no cultures given) or a document published in <paramref name="cultures"/>.</summary>
    public FakeDocument(string name, bool journey = true, string typeAlias = "blogPost", params string[] cultures)
    {
        Key = Guid.NewGuid();
        Name = name;
        var segment = name.ToLowerInvariant().Replace(' ', '-');
        var type = Substitute.For<IPublishedContentType>();
        type.Alias.Returns(typeAlias);
        type.ItemType.Returns(PublishedItemType.Content);
        type.CompositionAliases.Returns(journey ? new HashSet<string> { JourneyProperties.CompositionAlias } : []);
        if (cultures.Length == 0)
        {
            // What Umbraco's published content answers for an invariant document.
            _cultures[string.Empty] = new PublishedCultureInfo(string.Empty, name, segment, Updated.AddDays(-30));
        }
        else
        {
            foreach (var culture in cultures)
            {
                _cultures[culture] = new PublishedCultureInfo(culture, name, segment, Updated);
            }
        }

        Content = Substitute.For<IPublishedContent>();
        Content.Key.Returns(Key);
        Content.Name.Returns(name);
#pragma warning disable CS0618 // Obsolete from Umbraco 18 (IDocumentUrlService.GetUrlSegment), still there and read by the mapper.
        Content.UrlSegment.Returns(segment);
#pragma warning restore CS0618
        Content.UpdateDate.Returns(Updated);
        Content.ItemType.Returns(PublishedItemType.Content);
        Content.ContentType.Returns(type);
        Content.Cultures.Returns(_cultures);
        Content.IsPublished(Arg.Any<string?>()).Returns(call => call.Arg<string?>() is not { Length: > 0 } culture || _cultures.ContainsKey(culture));
        Content.GetProperty(Arg.Any<string>()).Returns(call => _properties.GetValueOrDefault(call.Arg<string>()));
    }

    public Guid Key { get; }

    public string Name { get; }

    public IPublishedContent Content { get; }

    /// <summary>Sets a property's converted value, in every culture or in one.</summary>
    public FakeDocument With(string alias, object? value, string? culture = null)
    {
        if (!_values.TryGetValue(alias, out var byCulture))
        {
            byCulture = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            _values[alias] = byCulture;
            var property = Substitute.For<IPublishedProperty>();
            property.Alias.Returns(alias);
            property.GetValue(Arg.Any<string?>(), Arg.Any<string?>()).Returns(call =>
                byCulture.TryGetValue(call.ArgAt<string?>(0) ?? string.Empty, out var exact) ? exact : byCulture.GetValueOrDefault(AnyCulture));
            _properties[alias] = property;
        }

        byCulture[culture ?? AnyCulture] = value;
        return this;
    }

    /// <summary>Names the document in one culture.</summary>
    public FakeDocument Named(string culture, string name, string urlSegment)
    {
        _cultures[culture] = new PublishedCultureInfo(culture, name, urlSegment, Updated);
        return this;
    }
}

/// <summary>
/// Umbraco's published side as the content source sees it: the document navigation, the published content cache,
/// the URL provider and the Umbraco context factory, as NSubstitute doubles of the real Umbraco interfaces.
/// </summary>
internal sealed class FakePublishedSite
{
    private readonly List<Guid> _roots = [];
    private readonly Dictionary<Guid, List<Guid>> _descendants = [];
    private readonly ConcurrentDictionary<Guid, IPublishedContent> _published = new();
    private readonly ConcurrentDictionary<(Guid Key, string Culture), string> _urls = new();
    private readonly ConcurrentDictionary<Guid, string> _mediaUrls = new();
    private int _walks;
    private int _contextsEnsured;

    public FakePublishedSite()
    {
        IEnumerable<Guid> anyKeys = Arg.Any<IEnumerable<Guid>>();
        Navigation.TryGetRootKeys(out anyKeys).Returns(call =>
        {
            Interlocked.Increment(ref _walks);
            if (Failure is { } failure)
            {
                throw failure;
            }

            lock (_roots)
            {
                call[0] = _roots.ToList();
            }

            return true;
        });
        Navigation.TryGetDescendantsKeys(Arg.Any<Guid>(), out anyKeys).Returns(call =>
        {
            lock (_roots)
            {
                call[1] = _descendants.TryGetValue(call.ArgAt<Guid>(0), out var keys) ? keys.ToList() : [];
            }

            return true;
        });
        Cache.GetByIdAsync(Arg.Any<Guid>(), Arg.Any<bool?>())
            .Returns(call => Task.FromResult(_published.GetValueOrDefault(call.ArgAt<Guid>(0))));
        Urls.GetUrl(Arg.Any<IPublishedContent>(), Arg.Any<UrlMode>(), Arg.Any<string?>(), Arg.Any<Uri?>())
            .Returns(call => _urls.GetValueOrDefault((call.ArgAt<IPublishedContent>(0).Key, call.ArgAt<string?>(2) ?? string.Empty), "#"));
        Urls.GetMediaUrl(Arg.Any<IPublishedContent>(), Arg.Any<UrlMode>(), Arg.Any<string?>(), Arg.Any<string>(), Arg.Any<Uri?>())
            .Returns(call => _mediaUrls.GetValueOrDefault(call.ArgAt<IPublishedContent>(0).Key, string.Empty));
        Contexts.EnsureUmbracoContext().Returns(_ =>
        {
            Interlocked.Increment(ref _contextsEnsured);
            return new UmbracoContextReference(Substitute.For<IUmbracoContext>(), false, Substitute.For<IUmbracoContextAccessor>());
        });
    }

    public IDocumentNavigationQueryService Navigation { get; } = Substitute.For<IDocumentNavigationQueryService>();

    public IPublishedContentCache Cache { get; } = Substitute.For<IPublishedContentCache>();

    public IPublishedUrlProvider Urls { get; } = Substitute.For<IPublishedUrlProvider>();

    public IUmbracoContextFactory Contexts { get; } = Substitute.For<IUmbracoContextFactory>();

    /// <summary>How many times the navigation's roots were read: one per rebuild.</summary>
    public int Walks => Volatile.Read(ref _walks);

    /// <summary>When set, reading the navigation throws it, as a broken Umbraco would.</summary>
    public Exception? Failure { get; set; }

    /// <summary>How many times an Umbraco context was asked for.</summary>
    public int ContextsEnsured => Volatile.Read(ref _contextsEnsured);

    /// <summary>Publishes a document at <paramref name="url"/> (in its invariant culture, or in <paramref name="culture"/>), at the root or under <paramref name="parent"/>.</summary>
    public FakeDocument Publish(FakeDocument document, string url, string? culture = null, FakeDocument? parent = null)
    {
        lock (_roots)
        {
            if (!_published.ContainsKey(document.Key))
            {
                if (parent is null)
                {
                    _roots.Add(document.Key);
                }
                else
                {
                    var root = _roots.Contains(parent.Key) ? parent.Key : _descendants.First(d => d.Value.Contains(parent.Key)).Key;
                    if (!_descendants.TryGetValue(root, out var below))
                    {
                        below = [];
                        _descendants[root] = below;
                    }

                    below.Add(document.Key);
                }
            }
        }

        _published[document.Key] = document.Content;
        _urls[(document.Key, culture ?? string.Empty)] = url;
        return document;
    }

    /// <summary>Takes a document out of the published cache (its key stays in the navigation, as Umbraco's does for unpublished documents).</summary>
    public void Unpublish(FakeDocument document) => _published.TryRemove(document.Key, out _);

    /// <summary>A media item with a file at <paramref name="url"/>, as a media picker's converter delivers it.</summary>
    public IPublishedContent Media(string name, string url)
    {
        var media = Substitute.For<IPublishedContent>();
        var key = Guid.NewGuid();
        media.Key.Returns(key);
        media.Name.Returns(name);
        media.ItemType.Returns(PublishedItemType.Media);
        _mediaUrls[key] = url;
        return media;
    }
}

/// <summary>Keeps every log entry, to check what was logged rather than thrown.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries => [.. _entries];

    public IEnumerable<(LogLevel Level, string Category, string Message, Exception? Exception)> Errors =>
        Entries.Where(e => e.Level >= LogLevel.Error);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue((logLevel, category, formatter(state, exception), exception));
    }
}
