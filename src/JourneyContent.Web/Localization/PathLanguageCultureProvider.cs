using JourneyContent.Web.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace JourneyContent.Web.Localization;

/// <summary>Takes the request's language from the first URL segment (<c>/fr/…</c>), the way the site's URLs are built.</summary>
internal sealed class PathLanguageCultureProvider(IReadOnlyList<string> languages) : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = SiteLanguages.FromPath(httpContext.Request.Path, languages);
        return Task.FromResult(language is null ? null : new ProviderCultureResult(SiteLanguages.CultureName(language)));
    }
}

/// <summary>How the site's languages map to URLs and cultures.</summary>
public static class SiteLanguages
{
    /// <summary>The name of the cookie that remembers a visitor's chosen language.</summary>
    public const string CookieName = "journey-lang";

    /// <summary>The language named by the first segment of <paramref name="path"/>, or null.</summary>
    public static string? FromPath(PathString path, IReadOnlyList<string> languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        var value = path.Value;
        if (string.IsNullOrEmpty(value) || value.Length < 3)
        {
            return null;
        }

        var end = value.IndexOf('/', 1);
        var segment = end < 0 ? value[1..] : value[1..end];
        return languages.FirstOrDefault(l => string.Equals(l, segment, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The specific culture used for a language's dates and numbers.</summary>
    public static string CultureName(string language) => language switch
    {
        "en" => "en-GB",
        "fr" => "fr-FR",
        "de" => "de-DE",
        _ => language,
    };

    /// <summary>The best language for a visitor: their cookie, then Accept-Language, then the default.</summary>
    public static string Preferred(HttpRequest request, JourneyContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var languages = options.EffectiveLanguages;
        if (request.Cookies.TryGetValue(CookieName, out var cookie) && languages.Contains(cookie, StringComparer.OrdinalIgnoreCase))
        {
            return cookie.ToLowerInvariant();
        }

        foreach (var accepted in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(a => a.Quality ?? 1))
        {
            var tag = accepted.Value.Value;
            if (string.IsNullOrEmpty(tag) || tag == "*")
            {
                continue;
            }

            var language = tag.Split('-')[0].ToLowerInvariant();
            if (languages.Contains(language, StringComparer.OrdinalIgnoreCase))
            {
                return language;
            }
        }

        return options.DefaultLanguage;
    }
}
