using System.Globalization;
using JourneyContent.Content;
using JourneyContent.Stages;
using JourneyContent.Umbraco.DocumentTypes;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.Routing;

namespace JourneyContent.Umbraco.Content;

/// <summary>Turns one culture of a published Umbraco document into a <see cref="ContentItem"/>.</summary>
/// <remarks>
/// <para>Values are read as Umbraco's value converters deliver them, so the mapping works whichever editor a site
/// chose for a Journey property. Identities are stable across rebuilds: an item's id is
/// <c>{document key}:{language}</c> and the translations of a document share its key as translation key.</para>
/// <para>Problems are reported, not thrown: a document without a URL is skipped with an error, while an unknown
/// stage, kind or call-to-action stage keeps the item (untagged, or with the default kind) and adds an error naming
/// the document, so editors see it in the back office. URLs are asked for while an Umbraco context exists: Umbraco's
/// URL provider needs one.</para>
/// </remarks>
public sealed class PublishedContentMapper
{
    private const string FallbackKind = "article";

    private readonly StageModel _stages;
    private readonly IPublishedUrlProvider _urls;
    private readonly UmbracoContentOptions _options;

    /// <summary>Creates the mapper.</summary>
    public PublishedContentMapper(StageModel stages, IPublishedUrlProvider urls, IOptions<UmbracoContentOptions> options)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(options);
        _stages = stages;
        _urls = urls;
        _options = options.Value;
    }

    private string KnownStages => string.Join(", ", _stages.Stages.Select(s => s.Key));

    /// <summary>The id of a document's item in a language: <c>{key:D}:{language}</c>.</summary>
    public static string ItemId(Guid key, string language) => $"{key:D}:{language}";

    /// <summary>How errors name a document: its name in <paramref name="culture"/> (or its invariant name) and its key.</summary>
    public static string Describe(IPublishedContent content, string? culture)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = CultureInfoOf(content, culture)?.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            name = content.Name;
        }

        return string.IsNullOrWhiteSpace(name) ? $"({content.Key:D})" : $"{name} ({content.Key:D})";
    }

    /// <summary>
    /// Maps <paramref name="content"/> in <paramref name="culture"/> (empty for an invariant document) to an item in
    /// <paramref name="language"/>, adding what is wrong to <paramref name="errors"/>.
    /// </summary>
    /// <returns>The item, or null when the document cannot be listed (it has no URL or no slug).</returns>
    public ContentItem? Map(IPublishedContent content, string culture, string language, ICollection<ContentLoadError> errors)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        ArgumentNullException.ThrowIfNull(errors);

        // Umbraco's APIs take null for "invariant"; an empty string would ask for a culture named "".
        var variant = culture.Length > 0 ? culture : null;
        var source = Describe(content, variant);
        var url = _urls.GetUrl(content, UrlMode.Relative, variant, null);
        if (string.IsNullOrWhiteSpace(url) || url == "#")
        {
            var where = variant is null ? "it" : $"its {variant} version";
            errors.Add(new ContentLoadError(source, null, null,
                $"Umbraco gives {where} no URL, so it cannot be listed: publish its parent pages and check the site's domains and languages."));
            return null;
        }

        var cultureInfo = CultureInfoOf(content, variant);
        var slug = SlugOf(url) ?? FirstText(cultureInfo?.UrlSegment, content.UrlSegment);
        if (slug is null)
        {
            errors.Add(new ContentLoadError(source, null, null, $"The URL '{url}' has no segment to use as a slug."));
            return null;
        }

        var stage = ReadStage(content, variant, source, errors);
        var bodyHtml = ReadBody(content, variant);
        return new ContentItem
        {
            Id = ItemId(content.Key, language),
            Slug = slug,
            Language = language,
            Title = FirstText(cultureInfo?.Name, content.Name) ?? slug,
            Kind = ReadKind(content, variant, source, errors),
            Url = url,
            Stage = stage?.Key,
            SecondaryStages = ReadSecondaryStages(content, variant, stage, source, errors),
            Topics = [.. PublishedValues.Texts(Read(content, JourneyProperties.Topics, variant))
                .Select(t => t.ToLowerInvariant())
                .Distinct(StringComparer.Ordinal)],
            Summary = ReadSummary(content, variant),
            Date = DateOnly.FromDateTime(cultureInfo is { Date: var date } && date != default ? date : content.UpdateDate),
            GatedAsset = ReadGatedAsset(content, variant, source, errors),
            TranslationKey = content.Key.ToString("D"),
            // Umbraco renders its own pages: the module only needs the text (search, suggestions), so no unsanitised HTML is kept.
            BodyHtml = string.Empty,
            BodyText = PublishedValues.HtmlToText(bodyHtml),
            Source = $"umbraco://document/{content.Key:D}",
            Version = content.UpdateDate.Ticks.ToString(CultureInfo.InvariantCulture),
            PinnedNext = ReadPinnedNext(content, variant, language),
            ExcludedFromRecommendations = PublishedValues.Boolean(Read(content, JourneyProperties.ExcludeFromRecommendations, variant)) ?? false,
            Boost = ReadBoost(content, variant),
            CallToAction = ReadCallToAction(content, variant, source, errors),
            Form = PublishedValues.Text(Read(content, JourneyProperties.Form, variant)) is { } form ? new GatedFormSettings { Name = form } : null,
        };
    }

    /// <summary>The key of the media item picked as gated asset in <paramref name="culture"/> (empty for invariant), or null.</summary>
    /// <remarks>For features that open the file itself (through Umbraco's media file system) rather than its URL.</remarks>
    public static Guid? GatedMediaKey(IPublishedContent content, string culture)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(culture);
        var media = PublishedValues.Contents(Read(content, JourneyProperties.GatedAsset, culture.Length > 0 ? culture : null));
        return media.Count > 0 ? media[0].Key : null;
    }

    private static object? Read(IPublishedContent content, string alias, string? culture) => PublishedValues.Read(content, alias, culture);

    private static PublishedCultureInfo? CultureInfoOf(IPublishedContent content, string? culture) =>
        content.Cultures is { } cultures && cultures.TryGetValue(culture ?? string.Empty, out var info) ? info : null;

    private static string? FirstText(params string?[] candidates) =>
        candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c))?.Trim();

    /// <summary>The last segment of the URL's path, or null for a site root.</summary>
    private static string? SlugOf(string url)
    {
        var end = url.AsSpan().IndexOfAny('?', '#');
        var path = end < 0 ? url : url[..end];
        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            path = absolute.AbsolutePath;
        }

        var last = path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return string.IsNullOrEmpty(last) ? null : Uri.UnescapeDataString(last);
    }

    private Stage? ReadStage(IPublishedContent content, string? culture, string source, ICollection<ContentLoadError> errors)
    {
        var key = PublishedValues.Texts(Read(content, JourneyProperties.Stage, culture)).FirstOrDefault();
        if (key is null)
        {
            return null;
        }

        var stage = _stages.FindStage(key);
        if (stage is null)
        {
            errors.Add(new ContentLoadError(source, null, JourneyProperties.Stage,
                $"Unknown stage '{key}': the page is treated as untagged until an editor picks one of {KnownStages}."));
        }

        return stage;
    }

    private List<StageWeight> ReadSecondaryStages(IPublishedContent content, string? culture, Stage? primary, string source, ICollection<ContentLoadError> errors)
    {
        var weights = new List<StageWeight>();
        foreach (var key in PublishedValues.Texts(Read(content, JourneyProperties.SecondaryStages, culture)))
        {
            var stage = _stages.FindStage(key);
            if (stage is null)
            {
                errors.Add(new ContentLoadError(source, null, JourneyProperties.SecondaryStages,
                    $"Unknown secondary stage '{key}' is ignored. Known stages: {KnownStages}."));
            }
            else if (stage.Key != primary?.Key && weights.TrueForAll(w => w.Stage != stage.Key))
            {
                weights.Add(new StageWeight(stage.Key, 0.5));
            }
        }

        return weights;
    }

    private string ReadKind(IPublishedContent content, string? culture, string source, ICollection<ContentLoadError> errors)
    {
        var key = PublishedValues.Texts(Read(content, JourneyProperties.Kind, culture)).FirstOrDefault();
        if (_stages.FindKind(key) is { } kind)
        {
            return kind.Key;
        }

        var fallback = _stages.FindKind(FallbackKind)?.Key ?? _stages.Kinds.FirstOrDefault()?.Key ?? FallbackKind;
        if (key is not null)
        {
            errors.Add(new ContentLoadError(source, null, JourneyProperties.Kind,
                $"Unknown kind '{key}': the page is listed as '{fallback}'. Known kinds: {string.Join(", ", _stages.Kinds.Select(k => k.Key))}."));
        }

        return fallback;
    }

    private string? ReadSummary(IPublishedContent content, string? culture) =>
        PublishedValues.Text(Read(content, JourneyProperties.Summary, culture))
        ?? _options.EffectiveSummaryFallbackProperties
            .Select(alias => PublishedValues.Text(Read(content, alias, culture)))
            .FirstOrDefault(text => text is not null);

    private string? ReadBody(IPublishedContent content, string? culture) =>
        _options.EffectiveBodyProperties
            .Select(alias => PublishedValues.Html(Read(content, alias, culture)))
            .FirstOrDefault(html => html is not null);

    private string? ReadGatedAsset(IPublishedContent content, string? culture, string source, ICollection<ContentLoadError> errors)
    {
        var value = Read(content, JourneyProperties.GatedAsset, culture);
        if (PublishedValues.Contents(value) is [var media, ..])
        {
            var url = _urls.GetMediaUrl(media, UrlMode.Relative, culture, Constants.Conventions.Media.File, null);
            if (string.IsNullOrWhiteSpace(url))
            {
                errors.Add(new ContentLoadError(source, null, JourneyProperties.GatedAsset,
                    $"The gated asset '{media.Name}' ({media.Key:D}) has no file: upload one to the media item, or pick another."));
                return null;
            }

            return url;
        }

        return PublishedValues.FirstLink(value)?.Url ?? PublishedValues.Text(value);
    }

    private List<string> ReadPinnedNext(IPublishedContent content, string? culture, string language)
    {
        var value = Read(content, JourneyProperties.PinnedNext, culture);
        var keys = PublishedValues.Contents(value).Select(c => c.Key).Concat(PublishedValues.Keys(value));
        return [.. keys
            .Where(key => key != content.Key)
            .Distinct()
            .Select(key => ItemId(key, language))];
    }

    private static double ReadBoost(IPublishedContent content, string? culture)
    {
        var boost = PublishedValues.Number(Read(content, JourneyProperties.Boost, culture)) ?? 0;
        return double.IsNaN(boost) ? 0 : Math.Clamp(boost, -1, 1);
    }

    private CallToActionBlock? ReadCallToAction(IPublishedContent content, string? culture, string source, ICollection<ContentLoadError> errors)
    {
        var headline = PublishedValues.Text(Read(content, JourneyProperties.CtaHeadline, culture));
        var text = PublishedValues.Text(Read(content, JourneyProperties.CtaText, culture));
        var button = PublishedValues.Text(Read(content, JourneyProperties.CtaButton, culture));
        var url = ReadLinkUrl(Read(content, JourneyProperties.CtaLink, culture), culture);
        if (headline is null && text is null && button is null && url is null)
        {
            return null;
        }

        var stages = new List<string>();
        foreach (var key in PublishedValues.Texts(Read(content, JourneyProperties.CtaStages, culture)))
        {
            if (_stages.FindStage(key) is { } stage)
            {
                if (!stages.Contains(stage.Key))
                {
                    stages.Add(stage.Key);
                }
            }
            else
            {
                errors.Add(new ContentLoadError(source, null, JourneyProperties.CtaStages,
                    $"Unknown stage '{key}' for the call to action is ignored. Known stages: {KnownStages}."));
            }
        }

        return new CallToActionBlock { Headline = headline, Text = text, Button = button, Url = url, Stages = stages };
    }

    private string? ReadLinkUrl(object? value, string? culture)
    {
        if (PublishedValues.FirstLink(value) is { } link)
        {
            return string.IsNullOrWhiteSpace(link.Url) ? null : link.Url.Trim();
        }

        if (PublishedValues.Contents(value) is [var target, ..])
        {
            var url = _urls.GetUrl(target, UrlMode.Relative, culture, null);
            return string.IsNullOrWhiteSpace(url) || url == "#" ? null : url;
        }

        return PublishedValues.Text(value);
    }
}
