using JourneyContent;
using JourneyContent.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers mail delivery.</summary>
public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="MailOptions"/> from <c>JourneyContent:Mail</c> (invalid settings fail start-up), and registers
    /// the transport (SMTP when <c>JourneyContent:Mail:Smtp:Host</c> is set, the pickup folder otherwise) and the
    /// <see cref="MailOutboxDelivery"/> of the outbox's mail channel. Safe to call twice.
    /// </summary>
    /// <remarks>
    /// The outbox worker that drives the delivery is registered by <c>AddJourneyContentOutbox</c> (JourneyContent.Web, called by
    /// the forms and webhooks registration), and an <c>IOutbox</c> by the storage.
    /// </remarks>
    public static IServiceCollection AddJourneyContentMail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(MailOutboxDelivery)))
        {
            return services;
        }

        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.SectionName))
            .PostConfigure<IServiceProvider>((o, sp) => o.PickupPath = DataFolder.Resolve(o.PickupPath, sp.GetService<DataFolder>(), MailOptions.DefaultPickupFolderName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        // Chosen from the bound options when first resolved, so settings added by code after this call count too.
        services.TryAddSingleton<IMailTransport>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<MailOptions>>().Value.Smtp?.Host)
                ? ActivatorUtilities.CreateInstance<PickupFolderTransport>(provider)
                : ActivatorUtilities.CreateInstance<SmtpMailTransport>(provider));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<JourneyContent.Leads.ILeadErasureParticipant, PickupFolderEraser>());
        services.AddSingleton<MailOutboxDelivery>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<JourneyContent.Delivery.IOutboxDelivery, MailOutboxDelivery>(provider => provider.GetRequiredService<MailOutboxDelivery>()));
        return services;
    }
}
