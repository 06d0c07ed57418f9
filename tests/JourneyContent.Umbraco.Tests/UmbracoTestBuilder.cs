using JourneyContent.Umbraco.Composing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Umbraco.Cms.Core.Cache;
using Umbraco.Cms.Core.Composing;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Logging;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Strings;

namespace JourneyContent.Umbraco.Tests;

/// <summary>Umbraco.Cms.Core's real <see cref="UmbracoBuilder"/>, type loader and content models, without Infrastructure.</summary>
internal static class UmbracoTestBuilder
{
    public static IShortStringHelper ShortStrings { get; } =
        new DefaultShortStringHelper(new DefaultShortStringHelperConfig().WithDefault(new RequestHandlerSettings()));

    /// <summary>A real builder over <paramref name="services"/>, scanning the package's assembly for composers.</summary>
    public static UmbracoBuilder Create(IServiceCollection services, IDictionary<string, string?>? settings = null)
    {
        // One server unless a test says otherwise: see UmbracoSite for why.
        var values = new Dictionary<string, string?> { ["Umbraco:CMS:Global:DisableElectionForSingleServer"] = "true" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        services.AddSingleton<IConfiguration>(configuration);
        return Create(services, configuration);
    }

    /// <summary>A real builder over <paramref name="services"/> and the host's <paramref name="configuration"/>.</summary>
    public static UmbracoBuilder Create(IServiceCollection services, IConfiguration configuration)
    {
        var loggers = NullLoggerFactory.Instance;
        var assembly = typeof(JourneyContentComposer).Assembly;
        var typeLoader = new TypeLoader(
            new TypeFinder(NullLogger<TypeFinder>.Instance, new DefaultUmbracoAssemblyProvider(assembly, loggers, null), null, null),
            NullLogger<TypeLoader>.Instance,
            [assembly]);
        // Umbraco's settings bound as a site binds them (CreateUmbracoBuilder calls AddConfiguration).
        var builder = new UmbracoBuilder(services, configuration, typeLoader, loggers, new NoopProfiler(), AppCaches.NoCache);
        builder.AddConfiguration();
        return builder;
    }

    /// <summary>A real document type; with <paramref name="journey"/>, it carries the Journey composition's stage property.</summary>
    public static ContentType DocumentType(string alias, bool journey = true)
    {
        var type = new ContentType(ShortStrings, -1) { Alias = alias, Name = alias };
        if (journey)
        {
            var composition = new ContentType(ShortStrings, -1) { Alias = global::JourneyContent.Umbraco.DocumentTypes.JourneyProperties.CompositionAlias, Name = "Journey" };
            composition.AddPropertyType(new PropertyType(ShortStrings, "Umbraco.Plain.String", ValueStorageType.Nvarchar, global::JourneyContent.Umbraco.DocumentTypes.JourneyProperties.Stage) { Name = "Stage" });
            type.AddContentType(composition);
        }

        return type;
    }
}
