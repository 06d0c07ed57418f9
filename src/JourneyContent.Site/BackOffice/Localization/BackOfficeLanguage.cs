using System.Globalization;
using JourneyContent.Web.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace JourneyContent.Site.BackOffice.Localization;

/// <summary>
/// The back office's language: the user's <c>Accept-Language</c> among the languages of <see cref="BackOfficeStrings"/>,
/// English otherwise. It does not depend on the site's content languages: a French editor of an English-only site
/// reads a French back office.
/// </summary>
public static class BackOfficeLanguage
{
    /// <summary>The language of the neutral resx file, used when the user accepts none of the others.</summary>
    public const string Default = "en";

    /// <summary>The languages of the back-office catalogue; a completeness test keeps this list and the resx files in step.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "fr", "de"];

    /// <summary>The language of the current back-office request (set by <see cref="BackOfficeCultureProvider"/>).</summary>
    public static string Current
    {
        get
        {
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            return Languages.Contains(language, StringComparer.Ordinal) ? language : Default;
        }
    }

    /// <summary>The best catalogue language for <paramref name="request"/>'s <c>Accept-Language</c>, by quality; <see cref="Default"/> when none fits.</summary>
    public static string FromAcceptLanguage(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var accepted in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(a => a.Quality ?? 1))
        {
            var primary = accepted.Value.Value?.Split('-')[0];
            if (Languages.FirstOrDefault(l => string.Equals(l, primary, StringComparison.OrdinalIgnoreCase)) is { } language)
            {
                return language;
            }
        }

        return Default;
    }
}

/// <summary>Sets the culture of back-office requests from <see cref="BackOfficeLanguage.FromAcceptLanguage"/>; other requests are left to the site's providers.</summary>
internal sealed class BackOfficeCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!httpContext.Request.Path.StartsWithSegments(BackOfficeRoutes.Root))
        {
            return NullProviderCultureResult;
        }

        var culture = SiteLanguages.CultureName(BackOfficeLanguage.FromAcceptLanguage(httpContext.Request));
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture));
    }
}

/// <summary>
/// Puts <see cref="BackOfficeCultureProvider"/> first and makes the catalogue's cultures supported, after the site
/// configured its own languages. The site's path provider only ever answers with the site's languages, so public pages
/// are unaffected by the extra cultures.
/// </summary>
internal sealed class ConfigureBackOfficeCulture : IPostConfigureOptions<RequestLocalizationOptions>
{
    public void PostConfigure(string? name, RequestLocalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cultures = BackOfficeLanguage.Languages.Select(l => CultureInfo.GetCultureInfo(SiteLanguages.CultureName(l))).ToList();
        options.SupportedCultures = [.. (options.SupportedCultures ?? []).Union(cultures)];
        options.SupportedUICultures = [.. (options.SupportedUICultures ?? []).Union(cultures)];
        options.RequestCultureProviders.Insert(0, new BackOfficeCultureProvider());
    }
}
