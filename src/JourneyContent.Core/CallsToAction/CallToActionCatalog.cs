using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.CallsToAction;

/// <summary>The site's offers, by language, built from content of a call-to-action kind and from editors' <c>cta</c> blocks.</summary>
/// <remarks>Untagged items offer nothing. A <c>cta</c> block's URL must be a site path (<c>/…</c>) or an http(s) URL; anything else falls back to the item's page.</remarks>
public sealed class CallToActionCatalog
{
    private readonly Dictionary<string, CallToAction[]> _byLanguage;

    private CallToActionCatalog(ContentSnapshot snapshot, StageModel stages)
    {
        Snapshot = snapshot;
        Stages = stages;
        _byLanguage = snapshot.Items
            .Select(item => Offer(item, stages))
            .OfType<CallToAction>()
            .GroupBy(o => o.Source.Language.ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
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

    /// <summary>The offers in one language, in snapshot order.</summary>
    public IReadOnlyList<CallToAction> InLanguage(string language) =>
        _byLanguage.TryGetValue(language.ToLowerInvariant(), out var offers) ? offers : [];

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

        var url = block?.Url is { } written && IsSafeUrl(written) ? written : item.Url;
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

    /// <summary>A site path, or an absolute http(s) URL: never <c>javascript:</c> or a protocol-relative <c>//host</c>.</summary>
    public static bool IsSafeUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.StartsWith('/'))
        {
            return !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
    }
}
