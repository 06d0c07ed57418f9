using JourneyContent;
using JourneyContent.Content;
using JourneyContent.Health;
using JourneyContent.Mail;
using JourneyContent.Umbraco.BackOffice;
using JourneyContent.Umbraco.Composing;
using JourneyContent.Umbraco.Content;
using JourneyContent.Umbraco.DocumentTypes;
using JourneyContent.Umbraco.Forms;
using JourneyContent.Umbraco.Mail;
using JourneyContent.Umbraco.Members;
using JourneyContent.Umbraco.Scheduling;
using JourneyContent.Web.Suggestions;
using JourneyContent.Web.Reports;
using JourneyContent.Web.Configuration;
using JourneyContent.Web.Forms;
using JourneyContent.Web.Pages;
using JourneyContent.Web.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Notifications;

#pragma warning disable IDE0130 // Umbraco's convention: builder extensions live where IUmbracoBuilder users already look.
namespace Umbraco.Extensions;
#pragma warning restore IDE0130

/// <summary>Registers JourneyContent on an Umbraco site.</summary>
public static class JourneyContentUmbracoBuilderExtensions
{
    /// <summary>
    /// Binds and validates the <c>JourneyContent</c> section at start-up and registers the module: Umbraco's published
    /// content as the content source, the notification handlers, the Journey composition installer, tracking,
    /// recommendations, gated forms with Umbraco media and members, leads and reports in the module's own store, mail
    /// through Umbraco's sender, and the back-office API. Safe to call twice.
    /// </summary>
    public static IUmbracoBuilder AddJourneyContent(this IUmbracoBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(JourneyContentUmbracoMarker)))
        {
            return builder;
        }

        services.AddSingleton<JourneyContentUmbracoMarker>();
        var configuration = builder.Config;

        // Umbraco's defaults, set before the section is bound so that a site's own settings win.
        services.Configure<JourneyContentOptions>(options =>
        {
            options.DataPath = DefaultDataPath;
            options.Theme = string.Empty;
            options.PageLayout = "_JourneyLayout";
        });
        services.AddJourneyContentWeb(configuration);

        // The content: Umbraco's published documents that use the Journey composition, kept current by notifications.
        services.Configure<UmbracoContentOptions>(configuration.GetSection(UmbracoContentOptions.SectionName));
        services.AddSingleton<PublishedContentMapper>();
        services.AddSingleton<UmbracoContentSource>();
        services.AddSingleton<IContentSource>(provider => provider.GetRequiredService<UmbracoContentSource>());
        builder.AddContentChangeHandlers();

        // The page of a request is the document Umbraco routed; the filter tracks its reading and takes its gated form
        // once routing is done, so a site's Program.cs needs no edit for it.
        services.Replace(ServiceDescriptor.Singleton<IRequestPage, PublishedRequestPage>());
        services.Configure<MvcOptions>(options => options.Filters.Add<CmsPageFilter>());

        // The module's endpoints at the front of the pipeline, unless Program.cs places them with UseJourneyContent().
        services.AddSingleton<JourneyContentPipeline>();
        services.AddTransient<IStartupFilter, JourneyContentStartupFilter>();
        builder.AddNotificationHandler<ContentPublishingNotification, RequireStageOnPublish>();

        // The Journey composition and its data types, created or repaired at start-up from umbraco-config/journey-composition.json.
        builder.AddJourneyCompositionInstall();

        // What the host provides: Umbraco's media, members and mail. Registered before the shared parts, which only fill gaps.
        services.AddSingleton<IGatedAssetFiles, MediaLibraryAssetFiles>();
        services.AddSingleton<ISiteMemberAccessor, UmbracoMemberAccessor>();
        services.AddAuthentication();
        services.TryAddSingleton<IMailTransport>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<MailOptions>>().Value.Smtp?.Host)
                ? ActivatorUtilities.CreateInstance<UmbracoEmailTransport>(provider)
                : ActivatorUtilities.CreateInstance<SmtpMailTransport>(provider));

        // The module's files live beside Umbraco's own data (its database, logs, Examine indexes), apart.
        services.AddSingleton(provider => new DataFolder(Path.GetFullPath(
            provider.GetRequiredService<IOptions<JourneyContentOptions>>().Value.DataPath, provider.GetRequiredService<IWebHostEnvironment>().ContentRootPath)));
        // SQLite beside Umbraco's data by default; PostgreSQL when several Umbraco servers share the module's data.
        _ = StorageProviderSetting.Parse(configuration[StorageProviderSetting.Key]) switch
        {
            StorageProvider.PostgreSql => services.AddJourneyContentPostgreSql(_ => { }),
            _ => services.AddJourneyContentSqlite(_ => { }),
        };
        services.AddLuceneContentIndex(_ => { });
        services.AddJourneyContentTracking(configuration);
        services.AddJourneyContentRecommendations(configuration);
        services.AddJourneyContentForms(configuration);
        services.AddJourneyContentMail(configuration);

        // Background work (outbox, retention, model re-fit, the composition install) on the server Umbraco's role allows.
        services.Replace(ServiceDescriptor.Singleton<IBackgroundWorkGate, ServerRoleBackgroundWorkGate>());

        services.TryAddSingleton<StageSuggestions>();
        services.AddJourneyContentReports();
        services.AddOptions<UmbracoBackOfficeOptions>().Bind(configuration.GetSection(UmbracoBackOfficeOptions.SectionName));
        services.AddSingleton<IConfigureOptions<AuthorizationOptions>, BackOfficePolicies.Setup>();
        services.AddSingleton<IAuthorizationHandler, BackOfficePolicies.BackOfficeUserHandler>();
        services.AddMvcCore().ConfigureApplicationPartManager(parts =>
        {
            // The module's pages and views live in the shared web library: named explicitly, not left to assembly discovery.
            var web = typeof(GatedFormsController).Assembly;
            if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(part => part.Assembly == web))
            {
                // The library's factory gives both its controllers and its compiled views.
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(web).GetApplicationParts(web))
                {
                    parts.ApplicationParts.Add(part);
                }
            }
        });
        return builder;
    }

    /// <summary>The data folder when the site does not set <c>JourneyContent:DataPath</c>.</summary>
    private const string DefaultDataPath = "umbraco/Data/JourneyContent";

    private sealed class JourneyContentUmbracoMarker;
}
