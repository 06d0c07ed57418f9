using JourneyContent.Recommendations;
using JourneyContent.Web.Recommendations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers next content and calls to action.</summary>
public static class RecommendationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="PageOfferService"/> and binds <c>JourneyContent:Recommendations</c> (validated at start).
    /// Needs tracking (<c>AddJourneyContentTracking</c>). An <see cref="IContentSimilarity"/> (the Lucene index) is
    /// used when registered; otherwise similarity comes from shared topics. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddJourneyContentRecommendations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RecommendationSettings>()
            .Bind(configuration.GetSection("JourneyContent:Recommendations"))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecommendationSettings>, SettingsValidator>());
        services.TryAddSingleton<PageOfferService>();
        return services;
    }

    /// <summary>Fails the start with every problem of the settings, each naming its key.</summary>
    private sealed class SettingsValidator : IValidateOptions<RecommendationSettings>
    {
        public ValidateOptionsResult Validate(string? name, RecommendationSettings options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
