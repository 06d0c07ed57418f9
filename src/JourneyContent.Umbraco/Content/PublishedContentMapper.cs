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
/// <para>The mapper only reads: <see cref="ContentItemBuilder"/> checks the values with the same rules as for
/// markdown files, and each of its problems becomes an error naming the document, its culture and the property alias.
/// A document without a URL is skipped with an error; any other problem keeps the item, with the faulty value left out
/// (untagged, the default kind, the item's own page as the button's target), because the page is live on the site
/// anyway. URLs are asked for while an Umbraco context exists: Umbraco's URL provider needs one.</para>
/// </remarks>
public sealed class PublishedContentMapper
{
    private readonly ContentItemBuilder _builder;
    private readonly IPublishedUrlProvider _urls;
    private readonly UmbracoContentOptions _options;

    /// <summary>Creates the mapper.</summary>
    public PublishedContentMapper(StageModel stages, IPublishedUrlProvider urls, IOptions<UmbracoContentOptions> options)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(options);
        _builder = new ContentItemBuilder(stages);
        _urls = urls;
        _options = options.Value;
    }

    /// <summary>The id of a document's item in a language: <c>{key:D}:{language}</c>.</summary>
    public static string ItemId(Guid key, string language) => $"{key:D}:{language}";

    /// <summary>How errors name a document: its name in <paramref name="culture"/> (or its invariant name), its key, and the culture when there is one.</summary>
    public static string Describe(IPublishedContent content, string? culture)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = CultureInfoOf(content, culture)?.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            name = content.Name;
        }

        var id = string.IsNullOrEmpty(culture) ? $"{content.Key:D}" : $"{content.Key:D}, {culture}";
        return string.IsNullOrWhiteSpace(name) ? $"({id})" : $"{name} ({id})";
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

        var built = _builder.Build(new RawContentValues
        {
            Id = ItemId(content.Key, language),
            Slug = slug,
            Language = language,
            Url = url,
            Date = DateOnly.FromDateTime(cultureInfo is { Date: var date } && date != default ? date : content.UpdateDate),
            GatedAsset = ReadGatedAsset(content, variant, source, errors),
            TranslationKey = content.Key.ToString("D"),
            // Umbraco renders its own pages: the module only needs the text (search, suggestions), so no unsanitised HTML is kept.
            BodyText = PublishedValues.HtmlToText(ReadBody(content, variant)),
            Source = $"umbraco://document/{content.Key:D}",
            Version = content.UpdateDate.Ticks.ToString(CultureInfo.InvariantCulture),
            Title = FirstText(cultureInfo?.Name, content.Name) ?? slug,
            Summary = ReadSummary(content, variant),
            Stage = PublishedValues.Texts(Read(content, JourneyProperties.Stage, variant)).FirstOrDefault(),
            SecondaryStages = [.. PublishedValues.Texts(Read(content, JourneyProperties.SecondaryStages, variant)).Select(key => new RawStageWeight(key))],
            // The composition's kind picker may be left empty: such a page is an article, not an error.
            Kind = PublishedValues.Texts(Read(content, JourneyProperties.Kind, variant)).FirstOrDefault() ?? _builder.DefaultKind,
            Topics = PublishedValues.Texts(Read(content, JourneyProperties.Topics, variant)),
            Boost = PublishedValues.Text(Read(content, JourneyProperties.Boost, variant)),
            PinnedNext = ReadPinnedNext(content, variant, language),
            Exclude = PublishedValues.FlagText(Read(content, JourneyProperties.ExcludeFromRecommendations, variant)),
            CallToAction = ReadCallToAction(content, variant),
            Form = PublishedValues.Text(Read(content, JourneyProperties.Form, variant)) is { } form ? new RawGatedForm { Name = form } : null,
        });
        foreach (var problem in built.Problems)
        {
            errors.Add(problem.At(source, null, PropertyAlias(problem.Field)));
        }

        return built.Item;
    }

    /// <summary>The property that holds a value the builder names by its front-matter field.</summary>
    internal static string PropertyAlias(string field) => field.Split('.')[0] switch
    {
        "stage" => JourneyProperties.Stage,
        "secondary_stages" => JourneyProperties.SecondaryStages,
        "kind" => JourneyProperties.Kind,
        "topics" => JourneyProperties.Topics,
        "boost" => JourneyProperties.Boost,
        "next" => JourneyProperties.PinnedNext,
        "exclude" or "recommend" => JourneyProperties.ExcludeFromRecommendations,
        "form" => JourneyProperties.Form,
        "cta" => field switch
        {
            "cta.headline" => JourneyProperties.CtaHeadline,
            "cta.text" => JourneyProperties.CtaText,
            "cta.button" => JourneyProperties.CtaButton,
            "cta.stages" => JourneyProperties.CtaStages,
            _ => JourneyProperties.CtaLink,
        },
        _ => field,
    };

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

    private RawCallToAction? ReadCallToAction(IPublishedContent content, string? culture) => new()
    {
        Headline = PublishedValues.Text(Read(content, JourneyProperties.CtaHeadline, culture)),
        Text = PublishedValues.Text(Read(content, JourneyProperties.CtaText, culture)),
        Button = PublishedValues.Text(Read(content, JourneyProperties.CtaButton, culture)),
        Url = ReadLinkUrl(Read(content, JourneyProperties.CtaLink, culture), culture),
        Stages = PublishedValues.Texts(Read(content, JourneyProperties.CtaStages, culture)),
    };

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
