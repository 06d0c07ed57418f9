using JourneyContent.Content;
using JourneyContent.Stages;
using JourneyContent.Umbraco.Content;
using JourneyContent.Umbraco.DocumentTypes;
using JourneyContent.Web.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.PublishedCache;
using Umbraco.Cms.Core.Routing;
using Umbraco.Cms.Core.Services;
using Umbraco.Cms.Core.Services.Navigation;
using Umbraco.Cms.Core.Web;
using Umbraco.Extensions;

namespace JourneyContent.Umbraco.Tests.Content;

public sealed class UmbracoContentSourceTests : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(250);

    private readonly FakePublishedSite _site = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 14, 10, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ServiceProvider _services;
    private readonly UmbracoContentSource _source;
    private readonly IEventAggregator _events;

    public UmbracoContentSourceTests()
    {
        // The real UmbracoBuilder and EventAggregator; only Umbraco's published side is doubled.
        var services = new ServiceCollection();
        var builder = UmbracoTestBuilder.Create(services);
        builder.AddContentChangeHandlers();
        services.AddSingleton<ILoggerFactory>(LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace)));
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.Configure<JourneyContentOptions>(o => o.Languages = ["en", "fr"]);
        services.AddSingleton(StageModel.Default);
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(_site.Navigation);
        services.AddSingleton(_site.Cache);
        services.AddSingleton(_site.Urls);
        services.AddSingleton(_site.Contexts);
        var runtime = Substitute.For<IRuntimeState>();
        runtime.Level.Returns(RuntimeLevel.Run);
        services.AddSingleton(runtime);
        services.AddSingleton<PublishedContentMapper>();
        services.AddSingleton<UmbracoContentSource>();
        _services = services.BuildServiceProvider();
        _source = _services.GetRequiredService<UmbracoContentSource>();
        _events = _services.GetRequiredService<IEventAggregator>();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task A_published_notification_through_the_event_aggregator_rebuilds_and_raises_changed_with_the_new_snapshot()
    {
        _site.Publish(Journey("First steps"), "/en/first-steps/");
        await _source.RefreshNowAsync(CancellationToken.None);
        var before = _source.Current;
        var changes = new List<ContentChangedEventArgs>();
        _source.Changed += (_, e) => changes.Add(e);
        var added = _site.Publish(Journey("Pricing explained", "decision"), "/en/pricing-explained/");

        _events.Publish(new ContentPublishedNotification(Substitute.For<IContent>(), new EventMessages()));
        Assert.Empty(changes); // Nothing happens before publishing has been quiet for the delay.
        _time.Advance(Delay);

        var change = Assert.Single(changes);
        Assert.Same(before, change.Previous);
        Assert.Same(_source.Current, change.Current);
        var item = Assert.Single(change.Current.Items, i => i.Id == $"{added.Key:D}:en");
        Assert.Equal("decision", item.Stage);
        Assert.Equal(2, change.Current.Items.Count);
    }

    [Fact]
    public void A_burst_of_fifty_notifications_costs_one_rebuild()
    {
        _site.Publish(Journey("Guide"), "/en/guide/");
        var changes = 0;
        _source.Changed += (_, _) => changes++;

        for (var i = 0; i < 50; i++)
        {
            _events.Publish(new ContentPublishedNotification(Substitute.For<IContent>(), new EventMessages()));
            _time.Advance(TimeSpan.FromMilliseconds(2));
        }

        _time.Advance(Delay);
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, _site.Walks);
        Assert.Equal(1, changes);
        Assert.Single(_source.Current.Items);
    }

    [Fact]
    public void Publishing_without_a_pause_still_rebuilds_within_the_longest_delay()
    {
        _site.Publish(Journey("Guide"), "/en/guide/");

        // A notification every 200 ms never leaves 250 ms of quiet; the rebuild still runs after at most 5 s.
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromSeconds(6); elapsed += TimeSpan.FromMilliseconds(200))
        {
            _events.Publish(new ContentPublishedNotification(Substitute.For<IContent>(), new EventMessages()));
            _time.Advance(TimeSpan.FromMilliseconds(200));
        }

        Assert.Equal(1, _site.Walks);
        Assert.Single(_source.Current.Items);
    }

    [Fact]
    public void Unpublishing_trashing_deleting_starting_and_another_servers_refresh_each_ask_for_a_rebuild()
    {
        var content = Substitute.For<IContent>();
        INotification[] notifications =
        [
            new UmbracoApplicationStartedNotification(false),
            new ContentUnpublishedNotification(content, new EventMessages()),
            new ContentMovedToRecycleBinNotification(new MoveToRecycleBinEventInfo<IContent>(content, "-1,1234"), new EventMessages()),
            new ContentDeletedNotification(content, new EventMessages()),
            // What every server of a load-balanced site hears once its published cache is refreshed.
            new ContentCacheRefresherNotification(new object(), global::Umbraco.Cms.Core.Sync.MessageType.RefreshByPayload),
        ];

        foreach (var notification in notifications)
        {
            _events.Publish(notification);
            _time.Advance(Delay);
        }

        Assert.Equal(notifications.Length, _site.Walks);
    }

    [Fact]
    public async Task A_failing_rebuild_keeps_the_previous_snapshot_and_logs_the_error()
    {
        _site.Publish(Journey("Guide"), "/en/guide/");
        await _source.RefreshNowAsync(CancellationToken.None);
        var good = _source.Current;
        var changes = 0;
        _source.Changed += (_, _) => changes++;
        _site.Failure = new InvalidOperationException("The published cache is gone.");

        _events.Publish(new ContentPublishedNotification(Substitute.For<IContent>(), new EventMessages()));
        _time.Advance(Delay);
        await _source.RefreshNowAsync(CancellationToken.None);

        Assert.Same(good, _source.Current);
        Assert.Equal(0, changes);
        Assert.Equal(2, _logs.Errors.Count(e => e.Exception?.Message == "The published cache is gone."));
    }

    [Fact]
    public async Task A_subscriber_that_throws_is_logged_and_neither_stops_the_others_nor_the_swap()
    {
        _site.Publish(Journey("Guide"), "/en/guide/");
        ContentSnapshot? seen = null;
        _source.Changed += (_, _) => throw new InvalidOperationException("Subscriber bug");
        _source.Changed += (_, e) => seen = e.Current;

        await _source.RefreshNowAsync(CancellationToken.None);

        Assert.Same(_source.Current, seen);
        Assert.Single(_source.Current.Items);
        Assert.Contains(_logs.Errors, e => e.Exception?.Message == "Subscriber bug");
    }

    [Fact]
    public async Task A_document_in_two_cultures_gives_two_items_sharing_its_translation_key()
    {
        var document = new FakeDocument("Guide", cultures: ["en-US", "fr-FR"])
            .Named("fr-FR", "Guide FR", "guide-fr")
            .With(JourneyProperties.Stage, "awareness");
        _site.Publish(document, "/en/guide/", "en-US");
        _site.Publish(document, "/fr/guide-fr/", "fr-FR");

        await _source.RefreshNowAsync(CancellationToken.None);

        var items = _source.Current.Items.OrderBy(i => i.Language, StringComparer.Ordinal).ToList();
        Assert.Equal(["en", "fr"], items.Select(i => i.Language));
        Assert.Equal([$"{document.Key:D}:en", $"{document.Key:D}:fr"], items.Select(i => i.Id));
        Assert.All(items, i => Assert.Equal(document.Key.ToString("D"), i.TranslationKey));
        Assert.Same(items[1], _source.Current.Translation(items[0], "fr"));
        Assert.Equal("Guide FR", items[1].Title);
        Assert.Equal(1, _site.ContextsEnsured);
    }

    [Fact]
    public async Task An_invariant_document_is_in_the_default_language()
    {
        // The options instance the source reads on each rebuild.
        _services.GetRequiredService<IOptionsMonitor<JourneyContentOptions>>().CurrentValue.DefaultLanguage = "fr";
        var document = _site.Publish(Journey("Guide pratique"), "/guide-pratique/");

        await _source.RefreshNowAsync(CancellationToken.None);

        var item = Assert.Single(_source.Current.Items);
        Assert.Equal("fr", item.Language);
        Assert.Equal($"{document.Key:D}:fr", item.Id);
    }

    [Fact]
    public async Task Only_published_journey_documents_in_site_languages_are_listed()
    {
        var home = _site.Publish(new FakeDocument("Home", journey: false, typeAlias: "home"), "/");
        var listed = _site.Publish(Journey("Listed"), "/listed/", parent: home);
        var gone = _site.Publish(Journey("Unpublished"), "/unpublished/", parent: listed);
        _site.Unpublish(gone);
        var composition = _site.Publish(new FakeDocument("Composition itself", journey: false, typeAlias: JourneyProperties.CompositionAlias), "/composition-itself/", parent: home);
        var german = new FakeDocument("Leitfaden", cultures: ["de-DE"]);
        _site.Publish(german, "/de/leitfaden/", "de-DE", parent: home);

        await _source.RefreshNowAsync(CancellationToken.None);

        Assert.Equal(new[] { listed.Key, composition.Key }.Order(), _source.Current.Items.Select(i => Guid.Parse(i.TranslationKey!)).Order());
        Assert.Empty(_source.Current.Errors);
    }

    [Fact]
    public async Task A_slug_used_twice_in_a_language_keeps_the_first_document_and_names_the_second_in_an_error()
    {
        var first = _site.Publish(Journey("Intro"), "/en/product/intro/");
        var second = _site.Publish(Journey("Intro"), "/en/services/intro/");

        await _source.RefreshNowAsync(CancellationToken.None);

        Assert.Equal($"{first.Key:D}:en", Assert.Single(_source.Current.Items).Id);
        var error = Assert.Single(_source.Current.Errors);
        Assert.Equal($"Intro ({second.Key:D})", error.Source);
        Assert.Contains($"Intro ({first.Key:D})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_whose_values_cannot_be_read_becomes_an_error_and_the_others_load()
    {
        var broken = _site.Publish(Journey("Broken"), "/en/broken/");
        broken.Content.GetProperty(JourneyProperties.Topics).Returns(_ => throw new InvalidOperationException("Converter bug"));
        _site.Publish(Journey("Fine"), "/en/fine/");

        await _source.RefreshNowAsync(CancellationToken.None);

        Assert.Equal("fine", Assert.Single(_source.Current.Items).Slug);
        Assert.Contains("Converter bug", Assert.Single(_source.Current.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gated_media_key_of_an_item_is_kept_with_the_snapshot()
    {
        var media = _site.Media("Guide PDF", "/media/abcd/guide.pdf");
        var document = _site.Publish(Journey("Gated guide"), "/en/gated-guide/").With(JourneyProperties.GatedAsset, media);

        await _source.RefreshNowAsync(CancellationToken.None);

        Assert.Equal(media.Key, _source.FindGatedMedia($"{document.Key:D}:en"));
    }

    [Fact]
    public async Task After_dispose_current_keeps_the_last_snapshot_and_refresh_does_nothing()
    {
        _site.Publish(Journey("Guide"), "/en/guide/");
        await _source.RefreshNowAsync(CancellationToken.None);
        var last = _source.Current;

        _source.Dispose();
        _source.Refresh();
        _time.Advance(Delay);

        Assert.Same(last, _source.Current);
        Assert.Equal(1, _site.Walks);
    }

    private static FakeDocument Journey(string name, string stage = "awareness") =>
        new FakeDocument(name).With(JourneyProperties.Stage, stage);
}
