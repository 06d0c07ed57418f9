using JourneyContent.Web.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CRM webhooks.</summary>
public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Adds CRM webhooks: binds and validates <c>JourneyContent:Webhooks</c> at start, the named <see cref="HttpClient"/>,
    /// the <see cref="WebhookPublisher"/>, the <see cref="WebhookDelivery"/> of the outbox's webhook channel and the outbox
    /// worker (<c>AddJourneyContentOutbox</c>). Needs an <c>IOutbox</c> singleton, registered by the storage. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddJourneyContentWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(WebhookDelivery)))
        {
            return services;
        }

        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(WebhookDelivery.HttpClientName)
            .ConfigureHttpClient((provider, client) =>
            {
                client.Timeout = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("JourneyContent-Webhooks/1.0");
            })
            // A redirect would turn the POST into a GET or send the signed body to another host: it counts as a failure instead.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddSingleton<WebhookDelivery>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<JourneyContent.Delivery.IOutboxDelivery, WebhookDelivery>(provider => provider.GetRequiredService<WebhookDelivery>()));
        services.AddJourneyContentOutbox(configuration);
        services.TryAddSingleton<WebhookPublisher>();
        return services;
    }
}
