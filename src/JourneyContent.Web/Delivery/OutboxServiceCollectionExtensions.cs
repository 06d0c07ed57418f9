using JourneyContent.Delivery;
using JourneyContent.Web.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using JourneyContent.Web.Scheduling;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the one outbox worker.</summary>
public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="OutboxOptions"/> (<c>JourneyContent:Outbox</c>) and registers the <see cref="OutboxWorker"/>
    /// as a singleton, the hosted service and the <see cref="IOutboxSignal"/>. It delivers every registered
    /// <see cref="IOutboxDelivery"/> (mail: <c>AddJourneyContentMail</c>; webhooks: <c>AddJourneyContentWebhooks</c>).
    /// Needs an <see cref="IOutbox"/> (the storage registration). Safe to call twice.
    /// </summary>
    public static IServiceCollection AddJourneyContentOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(OutboxWorker)))
        {
            return services;
        }

        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddBackgroundWorkGate();
        services.AddSingleton<OutboxWorker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxWorker>(provider => provider.GetRequiredService<OutboxWorker>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxSignal, OutboxWorker>(provider => provider.GetRequiredService<OutboxWorker>()));
        return services;
    }
}
