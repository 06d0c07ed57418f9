using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.CallsToAction;

/// <summary>The site's offers, by language, built from content of a call-to-action kind and from editors' <c>cta</c> blocks.</summary>
/// <remarks>Untagged items offer nothing. A <c>cta</c> block's URL that <see cref="CallToActionUrl.IsSafe"/> refuses falls back to the item's page (sources already report it to editors).</remarks>
public sealed class CallToActionCatalog
{
    private readonly Dictionary<(string Language, string Stage), CallToAction[]> _forStage;
    private readonly Dictionary<string, CallToAction[]> _forAllStages;

    private CallToActionCatalog(ContentSnapshot? snapshot, IEnumerable<ContentItem> items, StageModel stages)
    {
        Snapshot = snapshot;
        Stages = stages;
        var offers = items.Select(item => Offer(item, stages)).OfType<CallToAction>().ToList();
        // Ranked once here, so that choosing is a walk down a short list: higher boost, then newer, then id.
        _forStage = offers
            .Where(o => !o.AllStages)
            .SelectMany(o => o.Stages.Select(stage => (Key: (o.Source.Language.ToLowerInvariant(), stage.Key), Offer: o)))
            .GroupBy(p => p.Key)
            .ToDictionary(g => g.Key, g => Ranked(g.Select(p => p.Offer)));
        _forAllStages = offers
            .Where(o => o.AllStages)
            .GroupBy(o => o.Source.Language.ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Ranked(g), StringComparer.Ordinal);
    }

    /// <summary>The snapshot it was built from; null when it was built from a list of items.</summary>
    public ContentSnapshot? Snapshot { get; }

    /// <summary>The languages that have at least one offer, lower-case, in ordinal order.</summary>
    public IReadOnlyList<string> Languages =>
        [.. _forStage.Keys.Select(k => k.Language).Concat(_forAllStages.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The stage model.</summary>
    public StageModel Stages { get; }

    /// <summary>Builds the catalogue of a snapshot.</summary>
    public static CallToActionCatalog Build(ContentSnapshot snapshot, StageModel stages)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(stages);
        return new CallToActionCatalog(snapshot, snapshot.Items, stages);
    }

    /// <summary>Builds the catalogue of some items (for example those a report is filtered to).</summary>
    /// <exception cref="ArgumentException">An item is null.</exception>
    public static CallToActionCatalog Build(IEnumerable<ContentItem> items, StageModel stages)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(stages);
        var list = items.ToList();
        return list.Contains(null!)
            ? throw new ArgumentException("The items contain a null entry.", nameof(items))
            : new CallToActionCatalog(null, list, stages);
    }

    /// <summary>
    /// Every offer a visitor of <paramref name="stage"/> reading <paramref name="language"/> can be shown as an offer of
    /// their own stage: those meant for the stage, then those an editor marked for every stage, each list best first.
    /// </summary>
    /// <remarks>
    /// This is the one rule of "what a stage offers": <see cref="CallToActionSelector"/> chooses from it, and the coverage
    /// matrix counts it, so the two cannot disagree. It covers offers of call-to-action kinds and offers of <c>cta</c>
    /// blocks alike, whatever the stage of the item that carries the block. It leaves out the offers the selector falls
    /// back to (the next stage's once this stage's were taken, an earlier stage's when this one has none): those are not
    /// meant for the stage.
    /// </remarks>
    public StageOffers OffersFor(string language, Stage stage) => new(For(language, stage), ForAllStages(language));

    /// <summary>The offers meant for <paramref name="stage"/> (not those for every stage), best first.</summary>
    public IReadOnlyList<CallToAction> For(string language, Stage stage)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(stage);
        return _forStage.TryGetValue((language.ToLowerInvariant(), stage.Key), out var offers) ? offers : [];
    }

    /// <summary>The offers an editor marked for every stage, best first.</summary>
    public IReadOnlyList<CallToAction> ForAllStages(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return _forAllStages.TryGetValue(language.ToLowerInvariant(), out var offers) ? offers : [];
    }

    private static CallToAction[] Ranked(IEnumerable<CallToAction> offers) => [.. offers
        .OrderByDescending(o => o.Source.Boost)
        .ThenByDescending(o => o.Source.Date ?? DateOnly.MinValue)
        .ThenBy(o => o.Source.Id, StringComparer.Ordinal)
        .ThenBy(o => o.Url, StringComparer.Ordinal)];

    /// <summary>The offer an item makes, or null.</summary>
    public static CallToAction? Offer(ContentItem item, StageModel stages)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(stages);
        if (item.IsUntagged || stages.FindStage(item.Stage) is not { } stage)
        {
            return null;
        }

        var block = item.CallToAction;
        if (block is null && stages.FindKind(item.Kind)?.IsCallToAction != true)
        {
            return null;
        }

        var forStages = block?.Stages.Select(stages.FindStage).OfType<Stage>().Distinct().ToList() ?? [];
        if (forStages.Count == 0)
        {
            forStages.Add(stage);
        }

        var url = block?.Url is { } written && CallToActionUrl.IsSafe(written) ? written : item.Url;
        return new CallToAction(
            item,
            item.Kind,
            string.IsNullOrWhiteSpace(block?.Headline) ? item.Title : block.Headline,
            (string.IsNullOrWhiteSpace(block?.Text) ? item.Summary : block.Text) ?? string.Empty,
            string.IsNullOrWhiteSpace(block?.Button) ? null : block.Button,
            url,
            forStages,
            block?.AllStages == true);
    }
}
