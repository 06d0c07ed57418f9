using JourneyContent.Content;
using JourneyContent.Mail;
using JourneyContent.Umbraco.Composing;
using JourneyContent.Umbraco.Content;
using JourneyContent.Umbraco.DocumentTypes;
using JourneyContent.Umbraco.Forms;
using JourneyContent.Umbraco.Mail;
using JourneyContent.Umbraco.Members;
using JourneyContent.Web.Configuration;
using JourneyContent.Web.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NSubstitute;
using Umbraco.Cms.Core.Composing;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Mail;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.PublishedCache;
using Umbraco.Cms.Core.Services;
using Umbraco.Cms.Core.Services.Navigation;
using Umbraco.Cms.Core.Web;
using Umbraco.Extensions;

namespace JourneyContent.Umbraco.Tests.Composing;

public sealed class JourneyContentComposerTests
{
    [Fact]
    public void Umbraco_finds_the_composer_through_its_type_loader_and_composes_the_module()
    {
        var services = new ServiceCollection();
        var builder = UmbracoTestBuilder.Create(services);

        builder.AddComposers();

        Assert.Contains(builder.TypeLoader.GetTypes<IComposer>(), t => t == typeof(JourneyContentComposer));
        Assert.Contains(services, d => d.ServiceType == typeof(UmbracoContentSource));
    }

    [Fact]
    public void The_composer_registers_umbraco_content_media_members_and_mail_in_place_of_the_standalone_parts()
    {
        using var provider = Composed(out var services);

        Assert.Contains(services, d => d.ServiceType == typeof(JourneyCompositionInstaller));
        Assert.IsType<UmbracoContentSource>(provider.GetRequiredService<IContentSource>());
        Assert.IsType<MediaLibraryAssetFiles>(provider.GetRequiredService<IGatedAssetFiles>());
        Assert.IsType<UmbracoMemberAccessor>(provider.GetRequiredService<ISiteMemberAccessor>());
        Assert.IsType<UmbracoEmailTransport>(provider.GetRequiredService<IMailTransport>());
    }

    [Fact]
    public void The_module_keeps_its_files_under_umbraco_data_and_uses_its_own_page_layout()
    {
        using var provider = Composed(out _);

        var options = provider.GetRequiredService<IOptions<JourneyContentOptions>>().Value;
        Assert.Equal("umbraco/Data/JourneyContent", options.DataPath);
        Assert.Equal("_JourneyLayout", options.PageLayout);
        Assert.Empty(options.Theme);
        Assert.EndsWith(Path.Combine("umbraco", "Data", "JourneyContent", "journeycontent.db"),
            provider.GetRequiredService<IOptions<JourneyContent.Sqlite.SqliteStoreOptions>>().Value.DatabasePath, StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_setting_wins_over_the_umbraco_defaults()
    {
        using var provider = Composed(out _, new Dictionary<string, string?> { ["JourneyContent:DataPath"] = "/srv/journey", ["JourneyContent:PageLayout"] = "~/Views/Master.cshtml" });

        var options = provider.GetRequiredService<IOptions<JourneyContentOptions>>().Value;
        Assert.Equal("/srv/journey", options.DataPath);
        Assert.Equal("~/Views/Master.cshtml", options.PageLayout);
    }

    [Fact]
    public void The_site_request_culture_stays_umbracos_and_the_module_takes_over_neither_providers_nor_cultures_nor_resource_path()
    {
        using var provider = Composed(out var services, new Dictionary<string, string?> { ["JourneyContent:Languages:0"] = "en", ["JourneyContent:Languages:1"] = "fr" });
        // What Umbraco registers (src/Umbraco.Web.Common/Localization/UmbracoRequestLocalizationOptions.cs): the default
        // culture from GlobalSettings, and UmbracoBackOfficeIdentityCultureProvider and
        // UmbracoPublishedContentCultureProvider inserted first (those two types live in Web.Common: stand-ins here).
        var umbracoProviders = new[] { new HostCultureProvider(), new HostCultureProvider() };
        var site = new ServiceCollection().AddOptions();
        foreach (var descriptor in services)
        {
            site.Add(descriptor);
        }

        site.Configure<Microsoft.AspNetCore.Builder.RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture("da-DK");
            o.RequestCultureProviders.Insert(0, umbracoProviders[1]);
            o.RequestCultureProviders.Insert(0, umbracoProviders[0]);
        });
        site.Configure<Microsoft.Extensions.Localization.LocalizationOptions>(o => o.ResourcesPath = "SiteTexts");
        using var built = site.BuildServiceProvider();

        var localization = built.GetRequiredService<IOptions<Microsoft.AspNetCore.Builder.RequestLocalizationOptions>>().Value;
        Assert.Equal("da-DK", localization.DefaultRequestCulture.Culture.Name);
        Assert.Same(umbracoProviders[0], localization.RequestCultureProviders[0]);
        Assert.Same(umbracoProviders[1], localization.RequestCultureProviders[1]);
        Assert.DoesNotContain(localization.RequestCultureProviders, p => p.GetType().Assembly == typeof(JourneyContent.Web.SharedStrings).Assembly);
        Assert.Equal("SiteTexts", built.GetRequiredService<IOptions<Microsoft.Extensions.Localization.LocalizationOptions>>().Value.ResourcesPath);
        // The module's own texts are found all the same (their location is an attribute of its assembly).
        var french = built.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizerFactory>().Create(typeof(JourneyContent.Web.SharedStrings));
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            Assert.Equal("Trop de tentatives", french["TooManyTitle"].Value);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    private sealed class HostCultureProvider : Microsoft.AspNetCore.Localization.RequestCultureProvider
    {
        public override Task<Microsoft.AspNetCore.Localization.ProviderCultureResult?> DetermineProviderCultureResult(Microsoft.AspNetCore.Http.HttpContext httpContext) =>
            Task.FromResult<Microsoft.AspNetCore.Localization.ProviderCultureResult?>(null);
    }

    [Fact]
    public void An_smtp_host_of_the_module_takes_over_from_umbraco_mail()
    {
        using var provider = Composed(out _, new Dictionary<string, string?> { ["JourneyContent:Mail:Smtp:Host"] = "127.0.0.1" });

        Assert.IsType<SmtpMailTransport>(provider.GetRequiredService<IMailTransport>());
    }

    [Fact]
    public void Adding_the_module_twice_registers_nothing_more()
    {
        var services = new ServiceCollection();
        var builder = UmbracoTestBuilder.Create(services);
        new JourneyContentComposer().Compose(builder);
        var count = services.Count;

        builder.AddJourneyContent();
        new JourneyContentComposer().Compose(builder);

        Assert.Equal(count, services.Count);
    }

    [Fact]
    public void Content_notifications_reach_the_module_through_umbracos_event_aggregator()
    {
        var services = new ServiceCollection();
        new JourneyContentComposer().Compose(UmbracoTestBuilder.Create(services));

        foreach (var notification in new[]
        {
            typeof(ContentPublishedNotification), typeof(ContentUnpublishedNotification), typeof(ContentMovedToRecycleBinNotification),
            typeof(ContentDeletedNotification), typeof(UmbracoApplicationStartedNotification), typeof(ContentCacheRefresherNotification),
        })
        {
            Assert.Contains(services, d => d.ServiceType == typeof(INotificationHandler<>).MakeGenericType(notification) && d.ImplementationType == typeof(ContentChangeHandler));
        }

        Assert.Contains(services, d => d.ServiceType == typeof(INotificationHandler<ContentPublishingNotification>) && d.ImplementationType == typeof(RequireStageOnPublish));
        Assert.Contains(services, d => d.ServiceType == typeof(INotificationAsyncHandler<UmbracoApplicationStartingNotification>) && d.ImplementationType == typeof(JourneyCompositionStartingHandler));
    }

    [Fact]
    public void Publishing_an_untagged_journey_document_is_cancelled_when_the_site_requires_a_stage()
    {
        var type = UmbracoTestBuilder.DocumentType("whitePaper");
        var contentTypes = Substitute.For<IContentTypeService>();
        contentTypes.Get(type.Key).Returns(type);
        using var provider = Composed(out _, new Dictionary<string, string?> { ["JourneyContent:RequireStage"] = "true" }, contentTypes);
        var document = new global::Umbraco.Cms.Core.Models.Content("Benchmark", -1, type);
        var messages = new EventMessages();

        var cancelled = provider.GetRequiredService<IEventAggregator>().PublishCancelable(new ContentPublishingNotification(document, messages));

        Assert.True(cancelled);
        Assert.Contains(messages.GetAll(), m => m.Message.Contains("Benchmark", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_settings_stop_the_site_at_start_with_the_setting_named()
    {
        var services = new ServiceCollection();
        var builder = UmbracoTestBuilder.Create(services, new Dictionary<string, string?> { ["JourneyContent:DefaultLanguage"] = "de" });
        new JourneyContentComposer().Compose(builder);
        services.AddSingleton(Substitute.For<IHostEnvironment>());
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<JourneyContentOptions>>().Value);

        Assert.Contains("JourneyContent:DefaultLanguage 'de'", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Composed(out IServiceCollection services, IDictionary<string, string?>? settings = null, IContentTypeService? contentTypes = null)
    {
        services = new ServiceCollection();
        new JourneyContentComposer().Compose(UmbracoTestBuilder.Create(services, settings));
        // What a running Umbraco site provides and Core alone cannot: services whose implementations live in Infrastructure.
        services.AddSingleton(contentTypes ?? Substitute.For<IContentTypeService>());
        services.AddSingleton(Substitute.For<IPublishedContentCache>());
        services.AddSingleton(Substitute.For<IDocumentNavigationQueryService>());
        services.AddSingleton(Substitute.For<IUmbracoContextFactory>());
        services.AddSingleton(Substitute.For<global::Umbraco.Cms.Core.Routing.IPublishedUrlProvider>());
        services.AddSingleton(Substitute.For<IMemberService>());
        services.AddSingleton(Substitute.For<IEmailSender>());
        services.AddSingleton(Substitute.For<IDataTypeService>());
        var environment = Substitute.For<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>();
        environment.ContentRootPath.Returns(Path.Combine(Path.GetTempPath(), "jc-umbraco-site"));
        services.AddSingleton(environment);
        services.AddSingleton<IHostEnvironment>(sp => sp.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>());
        services.AddSingleton(new global::Umbraco.Cms.Core.IO.MediaFileManager(
            Substitute.For<global::Umbraco.Cms.Core.IO.IFileSystem>(), Substitute.For<global::Umbraco.Cms.Core.IO.IMediaPathScheme>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<global::Umbraco.Cms.Core.IO.MediaFileManager>.Instance, UmbracoTestBuilder.ShortStrings,
            Substitute.For<IServiceProvider>(), new Lazy<global::Umbraco.Cms.Core.Scoping.ICoreScopeProvider>(() => Substitute.For<global::Umbraco.Cms.Core.Scoping.ICoreScopeProvider>())));
        return services.BuildServiceProvider();
    }
}
