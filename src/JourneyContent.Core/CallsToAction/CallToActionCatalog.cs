using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.CallsToAction;

/// <summary>The site's offers, by language, built from content of a call-to-action kind and from editors' <c>cta</c> blocks.</summary>
/// <remarks>Untagged items offer nothing. A <c>cta</c> block's URL that <see cref="CallToActionUrl.IsSafe"/> refuses falls back to the item's page (sources already report it to editors).</remarks>
public sealed class CallToActionCatalog
{
    private readonly Dictionary<(string Language, string Stage), CallToAction[]> _forStage;
    private readonly Dictionary<string, CallToAction[]> _forAllStages;

    private CallToActionCatalog(ContentSnapshot snapshot, StageModel stages)
    {
        Snapshot = snapshot;
        Stages = stages;
        var offers = snapshot.Items.Select(item => Offer(item, stages)).OfType<CallToAction>().ToList();
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

    /// <summary>The snapshot it was built from.</summary>
    public ContentSnapshot Snapshot { get; }

    /// <summary>The stage model.</summary>
    public StageModel Stages { get; }

    /// <summary>Builds the catalogue of a snapshot.</summary>
    public static CallToActionCatalog Build(ContentSnapshot snapshot, StageModel stages)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(stages);
        return new CallToActionCatalog(snapshot, stages);
    }

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
