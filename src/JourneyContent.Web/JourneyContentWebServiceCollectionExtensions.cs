using JourneyContent;
using JourneyContent.Stages;
using JourneyContent.Web.Configuration;
using JourneyContent.Web.Localization;
using JourneyContent.Web.Pages;
using JourneyContent.Web.Theming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers JourneyContent's shared web parts.</summary>
public static class JourneyContentWebServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>JourneyContent</c> section (at start-up), and registers the stage model,
    /// theming and UI strings. Safe to call twice: the second call does nothing.
    /// </summary>
    public static IServiceCollection AddJourneyContentWeb(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(JourneyContentWebMarker)))
        {
            return services;
        }

        services.AddSingleton<JourneyContentWebMarker>();
        var section = configuration.GetSection(JourneyContentOptions.SectionName);
        services.AddOptions<JourneyContentOptions>()
            .Bind(section)
            .Configure(options => StageListConfiguration.Apply(options, configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<JourneyContentOptions>, JourneyContentOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => StageModel.Create(sp.GetRequiredService<IOptions<JourneyContentOptions>>().Value.ToStageModelSettings()));
        services.TryAddSingleton<ThemeLocator>();
        services.TryAddSingleton<IRequestPage, RequestPageByUrl>();

        // No LocalizationOptions.ResourcesPath: that is the host's setting (an Umbraco site's own resx); the module's
        // resource location is an assembly attribute of its own (ResourceLocation in SharedStrings.cs).
        services.AddLocalization();
        services.TryAddSingleton<ITextCatalog, ResxTextCatalog>();
        // French text is written as is rather than as &#xE9; entities: pages stay readable and smaller.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<IConfigureOptions<RazorViewEngineOptions>, ConfigureThemeViews>();
        return services;
    }

    /// <summary>
    /// For a host whose pages are the module's own (the standalone site): the request culture is the language of the
    /// URL's first segment among <c>JourneyContent:Languages</c>, the default language otherwise (call
    /// <c>app.UseRequestLocalization()</c>). A CMS host does not call this: its own request culture stands (on Umbraco,
    /// the published request's culture and the back-office user's language).
    /// </summary>
    public static IServiceCollection AddJourneyContentRequestLanguages(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<RequestLocalizationOptions>, ConfigureRequestLanguages>());
        return services;
    }

    private sealed class JourneyContentWebMarker;

    private sealed class ConfigureThemeViews(IOptions<JourneyContentOptions> options) : IConfigureOptions<RazorViewEngineOptions>
    {
        public void Configure(RazorViewEngineOptions razor)
        {
            if (!string.IsNullOrEmpty(options.Value.Theme))
            {
                razor.ViewLocationExpanders.Insert(0, new ThemeViewLocationExpander(options.Value.Theme));
            }
        }
    }

    private sealed class ConfigureRequestLanguages(IOptions<JourneyContentOptions> options) : IConfigureOptions<RequestLocalizationOptions>
    {
        public void Configure(RequestLocalizationOptions localization)
        {
            var languages = options.Value.EffectiveLanguages;
            var cultures = languages.Select(SiteLanguages.CultureName).ToArray();
            localization.SetDefaultCulture(SiteLanguages.CultureName(options.Value.DefaultLanguage));
            localization.AddSupportedCultures(cultures);
            localization.AddSupportedUICultures(cultures);
            localization.FallBackToParentUICultures = true;
            // Only the URL decides a page's language, so that a French page is French for every visitor and cache.
            localization.RequestCultureProviders = [new PathLanguageCultureProvider(languages)];
        }
    }
}
