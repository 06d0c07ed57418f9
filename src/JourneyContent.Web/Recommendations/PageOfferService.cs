using JourneyContent.CallsToAction;
using JourneyContent.Content;
using JourneyContent.Recommendations;
using JourneyContent.Stages;
using JourneyContent.Web.Tracking;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Recommendations;

/// <summary>Chooses, once per request, the next content and the call to action of a page for its visitor, and records the impression.</summary>
/// <remarks>
/// The catalogues are rebuilt only when the content, the similarity table or the day changes, then shared by every
/// request. Both page blocks (<c>&lt;journey-next&gt;</c> and <c>&lt;journey-cta&gt;</c>) and the JSON API go
/// through <see cref="ForPageAsync"/>, which caches its answer in the request, so a page records one impression.
/// </remarks>
public sealed class PageOfferService
{
    private static readonly object RequestKey = new();
    private readonly IContentSource _content;
    private readonly StageModel _stages;
    private readonly IContentSimilarity? _similarity;
    private readonly JourneyTracker _tracker;
    private readonly TimeProvider _time;
    private readonly RecommendationSettings _settings;
    private readonly Lock _rebuild = new();
    private RecommendationCatalog? _catalog;
    private CallToActionCatalog? _offers;
    private (ContentSnapshot Snapshot, SimilarityTable Table)? _topicFallback;

    /// <summary>Creates the service; without an <see cref="IContentSimilarity"/> (no search index), similarity comes from shared topics.</summary>
    public PageOfferService(
        IContentSource content, StageModel stages, JourneyTracker tracker, TimeProvider time,
        IOptions<RecommendationSettings> settings, IEnumerable<IContentSimilarity> similarity)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(similarity);
        _content = content;
        _stages = stages;
        _tracker = tracker;
        _time = time;
        _settings = settings.Value;
        _similarity = similarity.LastOrDefault();
    }

    /// <summary>True unless personalisation is turned off in configuration.</summary>
    public bool Enabled => _settings.Enabled;

    /// <summary>The offers of a page (<paramref name="page"/> null for pages that are not content) in <paramref name="language"/>.</summary>
    public async Task<PageOffers> ForPageAsync(HttpContext context, string language, ContentItem? page)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(language);
        if (!_settings.Enabled)
        {
            return PageOffers.None(language);
        }

        if (context.Items.TryGetValue(RequestKey, out var cached) && cached is PageOffers known
            && known.Visitor.Page == page && string.Equals(known.Visitor.Language, language, StringComparison.OrdinalIgnoreCase))
        {
            return known;
        }

        var preview = JourneyPreview.StageOf(context, _stages);
        var visitor = preview is not null
            ? new VisitorContext(language, page, preview)
            : await _tracker.VisitorContextAsync(context, language, page);
        var (catalog, offers) = Catalogues();
        var cta = CallToActionSelector.Select(offers, visitor);
        var next = NextContentSelector.Select(catalog, visitor, cta?.Offer.Source.Id);
        var result = new PageOffers(visitor, next, cta, preview is not null, JourneyPreview.IsStaff(context));
        context.Items[RequestKey] = result;
        if (cta is not null && preview is null)
        {
            await _tracker.RecordImpressionAsync(context, cta.Offer.Source);
        }

        return result;
    }

    /// <summary>The current catalogues, rebuilt when their inputs changed.</summary>
    public (RecommendationCatalog Next, CallToActionCatalog Offers) Catalogues()
    {
        var snapshot = _content.Current;
        var table = Similarity(snapshot);
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var catalog = Volatile.Read(ref _catalog);
        var offers = Volatile.Read(ref _offers);
        if (catalog is not null && catalog.IsFor(snapshot, table, today) && offers is not null && ReferenceEquals(offers.Snapshot, snapshot))
        {
            return (catalog, offers);
        }

        // One request rebuilds while the others wait, rather than every request building its own copy.
        lock (_rebuild)
        {
            catalog = _catalog;
            if (catalog is null || !catalog.IsFor(snapshot, table, today))
            {
                catalog = RecommendationCatalog.Build(snapshot, _stages, table, _settings, today);
                Volatile.Write(ref _catalog, catalog);
            }

            offers = _offers;
            if (offers is null || !ReferenceEquals(offers.Snapshot, snapshot))
            {
                offers = CallToActionCatalog.Build(snapshot, _stages);
                Volatile.Write(ref _offers, offers);
            }

            return (catalog, offers);
        }
    }

    private SimilarityTable Similarity(ContentSnapshot snapshot)
    {
        if (_similarity is not null && _similarity.Current.Count > 0)
        {
            return _similarity.Current;
        }

        var fallback = _topicFallback;
        if (fallback is { } known && ReferenceEquals(known.Snapshot, snapshot))
        {
            return known.Table;
        }

        var table = SimilarityTable.FromTopics(snapshot);
        _topicFallback = (snapshot, table);
        return table;
    }
}
