using JourneyContent.Content;
using JourneyContent.Web.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Pages;

/// <summary>What every public page controller shares: the content, the site's languages and the page metadata for the layout.</summary>
public abstract class PageControllerBase(IContentSource content, IOptions<JourneyContentOptions> options) : Controller
{
    /// <summary>The content snapshot of this request.</summary>
    protected ContentSnapshot Catalog => content.Current;

    /// <summary>The module's options.</summary>
    protected JourneyContentOptions Options => options.Value;

    /// <summary>True when <paramref name="language"/> is one of the site's languages.</summary>
    protected bool IsSiteLanguage(string language) =>
        Options.EffectiveLanguages.Contains(language, StringComparer.Ordinal);

    /// <summary>Sets the layout's metadata; other languages link to <paramref name="alternate"/>'s answer or to their home page.</summary>
    protected void SetPage(string language, string title, string? description, Func<string, string?>? alternate = null, bool indexable = true)
    {
        var alternates = new Dictionary<string, string>(StringComparer.Ordinal);
        var translated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var other in Options.EffectiveLanguages.Where(l => l != language))
        {
            var url = alternate?.Invoke(other);
            if (url is not null)
            {
                translated.Add(other);
            }

            alternates[other] = url ?? "/" + other;
        }

        ViewData[PageMeta.ViewDataKey] = new PageMeta(language, title, description, Request.Path)
        {
            Alternates = alternates,
            TranslatedLanguages = translated,
            Indexable = indexable,
            // Resolved here rather than injected, so that every page controller keeps its constructor.
            Origin = HttpContext.RequestServices.GetService<PublicOrigin>()?.Of(Request),
        };
    }
}
