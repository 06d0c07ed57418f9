using System.Globalization;
using JourneyContent.Content;
using JourneyContent.Web.Configuration;
using JourneyContent.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Pages;

/// <summary>What every public page controller shares: the content, the site's languages and the page metadata for the layout.</summary>
/// <remarks>
/// A page's words follow the page's language, not the URL's: the thank-you and link pages live under <c>/journey/…</c>
/// with no language segment, so the request culture alone would render them (and the header around them) in the
/// default language.
/// </remarks>
[PageLanguageCulture]
public abstract class PageControllerBase(IContentSource content, IOptions<JourneyContentOptions> options) : Controller
{
    /// <summary>The content snapshot of this request.</summary>
    protected ContentSnapshot Catalog => content.Current;

    /// <summary>The module's options.</summary>
    protected JourneyContentOptions Options => options.Value;

    /// <summary>True when <paramref name="language"/> is one of the site's languages.</summary>
    protected bool IsSiteLanguage(string language) =>
        Options.EffectiveLanguages.Contains(language, StringComparer.Ordinal);

    /// <summary>Makes <paramref name="language"/> the culture of the rest of the action, so texts looked up from now on are in it.</summary>
    /// <remarks>The view is rendered in the language given to <see cref="SetPage"/> whatever the action does.</remarks>
    protected static void UseLanguage(string language) => PageLanguageCultureAttribute.Apply(language);

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

/// <summary>Renders a page's view (layout included) in the culture of the page's language (<see cref="PageMeta.Language"/>).</summary>
/// <remarks>
/// A result filter rather than a culture set in the action: the culture is an async-local value, and a value set
/// inside an async action does not survive its return, while one set here flows into the view rendering <c>next</c> runs.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
internal sealed class PageLanguageCultureAttribute : Attribute, IAsyncResultFilter
{
    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Controller is Controller { ViewData: var data } && data[PageMeta.ViewDataKey] is PageMeta meta)
        {
            Apply(meta.Language);
        }

        return next();
    }

    internal static void Apply(string language)
    {
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(SiteLanguages.CultureName(language));
        }
        catch (CultureNotFoundException)
        {
            return;
        }

        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
