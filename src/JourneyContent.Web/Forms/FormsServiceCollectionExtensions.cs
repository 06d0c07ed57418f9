using JourneyContent;
using JourneyContent.Journeys;
using JourneyContent.Leads;
using JourneyContent.Web.Forms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using JourneyContent.Web.Scheduling;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers gated forms, leads, download links, CRM webhooks and retention.</summary>
public static class FormsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="GatedFormService"/>, the signing keys, the CRM webhooks (<c>JourneyContent:Webhooks</c>), the
    /// lead-erasure service, retention, and the per-IP limit of form posts (<see cref="PerIpRateLimitAttribute"/>, which
    /// needs no <c>app.UseRateLimiter()</c>).
    /// Binds and validates <c>JourneyContent:Forms</c>. Needs tracking, an <see cref="ILeadStore"/> and the outbox
    /// (the SQLite registration). Safe to call twice.
    /// </summary>
    public static IServiceCollection AddJourneyContentForms(this IServiceCollection services, IConfiguration configuration, Action<GatedFormOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddOptions<GatedFormOptions>().Bind(configuration.GetSection(GatedFormOptions.Section));
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(GatedFormService)))
        {
            return services;
        }

        builder.PostConfigure<IServiceProvider>((o, sp) => o.KeyFile = DataFolder.Resolve(o.KeyFile, sp.GetService<DataFolder>(), GatedFormOptions.DefaultKeyFile));
        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatedFormOptions>, OptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SigningKeys>();
        services.TryAddSingleton<ISiteMemberAccessor, NoSiteMembers>();
        services.TryAddSingleton<ILeadJourney, TrackerLeadJourney>();
        services.TryAddSingleton<RecogniseLeadDevice>();
        services.TryAddSingleton(sp => new CaptureLead(
            sp.GetRequiredService<ILeadStore>(), sp.GetRequiredService<JourneyContent.Delivery.IOutbox>(), sp.GetServices<JourneyContent.Delivery.IOutboxSignal>(),
            sp.GetServices<ILeadCaptureMessages>(),
            sp.GetRequiredService<ILeadJourney>(), sp.GetRequiredService<JourneyContent.Stages.StageModel>(), sp.GetRequiredService<SigningKeys>().Links,
            sp.GetRequiredService<IOptions<GatedFormOptions>>().Value.ToCaptureSettings(), sp.GetRequiredService<ITextCatalog>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<JourneyContent.Web.Pages.PublicOrigin>();
        services.TryAddSingleton<GatedFormLayout>();
        services.TryAddSingleton<FormRequestReader>();
        services.TryAddSingleton<LeadCapturedPublisher>();
        services.TryAddSingleton<GatedFormService>();
        services.TryAddSingleton<GatedFormSubmission>();
        services.TryAddSingleton<LeadEraser>();
        services.AddJourneyContentWebhooks(configuration);
        services.TryAddSingleton<LeadWebhooks>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILeadCaptureMessages, LeadWebhooks>(sp => sp.GetRequiredService<LeadWebhooks>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStageTransitionObserver, LeadWebhooks>(sp => sp.GetRequiredService<LeadWebhooks>()));
        services.AddBackgroundWorkGate();
        services.AddHostedService<LeadRetention>();
        services.TryAddSingleton<FormRateLimiter>();
        return services;
    }

    private sealed class OptionsValidator : IValidateOptions<GatedFormOptions>
    {
        public ValidateOptionsResult Validate(string? name, GatedFormOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
