using JourneyContent;
using JourneyContent.Content;
using JourneyContent.Inference;
using JourneyContent.Journeys;
using JourneyContent.Stages;
using JourneyContent.Tracking;
using JourneyContent.Web.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using JourneyContent.Web.Scheduling;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers visitor tracking and stage inference.</summary>
public static class TrackingServiceCollectionExtensions
{
    /// <summary>
    /// Adds consent-aware tracking: the tracker, the bounded event queue, the background writer and the metrics.
    /// Reads <c>JourneyContent:Consent:Required</c> and <c>JourneyContent:Tracking</c>. Needs an <c>IJourneyStore</c>. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddJourneyContentTracking(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(JourneyTracker)))
        {
            return services;
        }

        services.AddOptions<TrackingOptions>()
            .Bind(configuration.GetSection("JourneyContent:Tracking"))
            .Configure(o => o.ConsentRequired = configuration.GetValue("JourneyContent:Consent:Required", true))
            .Validate(o => o.QueueCapacity > 0 && o.BatchSize > 0, "JourneyContent:Tracking:QueueCapacity and BatchSize must be positive.")
            .Validate(o => o.WriteAttempts > 0 && o.WriteRetryDelay >= TimeSpan.Zero && o.StoreRetryAfter > TimeSpan.Zero,
                "JourneyContent:Tracking:WriteAttempts and StoreRetryAfter must be positive, WriteRetryDelay zero or more.")
            .Validate(o => o.EventRetentionMonths is >= 0 and <= 1200, "JourneyContent:Tracking:EventRetentionMonths is 0 (keep events) or a number of months up to 1200.")
            .ValidateOnStart();
        services.AddOptions<StageInferenceSettings>().Bind(configuration.GetSection("JourneyContent:Inference"));
        // Compiled once: bad weights or stages fail the first resolution with a message naming the setting.
        services.TryAddSingleton(sp => new StageInferenceEngine(WithNewestLatentModel(sp, CompiledInferenceModel.Compile(
            sp.GetRequiredService<StageModel>(), sp.GetRequiredService<IOptions<StageInferenceSettings>>().Value))));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new StageModelTraining(
            sp.GetRequiredService<StageInferenceEngine>(), sp.GetRequiredService<IJourneyStore>(), sp.GetRequiredService<IContentSource>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<DataFolder>()));
        services.AddOptions<StageModelRefitOptions>().Bind(configuration.GetSection(StageModelRefitOptions.Section)).Validate(o => o.Interval is null || (o.Interval >= StageModelRefitOptions.ShortestInterval && o.Interval <= TimeSpan.FromDays(90)),
            $"{StageModelRefitOptions.Section}:Interval is off (empty) or between 1 hour and 90 days.").ValidateOnStart();
        services.AddBackgroundWorkGate();
        services.AddHostedService<StageModelRefitSchedule>();
        services.AddMetrics();
        services.TryAddSingleton<TrackingMetrics>();
        services.TryAddSingleton<JourneyEventQueue>();
        services.TryAddSingleton(sp => new VisitorJourneys(
            sp.GetRequiredService<StageInferenceEngine>(), sp.GetRequiredService<IContentSource>(), sp.GetRequiredService<IJourneyStore>(),
            sp.GetRequiredService<IOptions<TrackingOptions>>().Value.MaxVisitorsInMemory, sp.GetService<JourneyContent.StageLocks.IStageLockStore>(),
            sp.GetService<IVisitorVersions>()));
        services.TryAddSingleton<JourneyTracker>();
        // Marketers' stage locks, for every back office (the standalone one and Umbraco's).
        services.TryAddSingleton<JourneyContent.StageLocks.StageLocking>();
        services.AddHostedService<JourneyEventWriter>();
        services.TryAddSingleton<JourneyEventRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<JourneyEventRetention>());
        return services;
    }

    // The newest fitted model in the data folder's models/, if any; a refused file is logged and the priors stay in force.
    private static CompiledInferenceModel WithNewestLatentModel(IServiceProvider services, CompiledInferenceModel compiled)
    {
        if (services.GetService<DataFolder>() is not { } folder || LatentModelFile.Newest(folder) is not { } path)
        {
            return compiled;
        }

        try
        {
            var site = compiled.CatalogueOf(services.GetRequiredService<IContentSource>().Current.Items);
            return compiled.WithLatent(LatentModelFile.Load(path, site));
        }
        catch (LatentModelFileException ex)
        {
            services.GetService<ILoggerFactory>()?.CreateLogger(typeof(TrackingServiceCollectionExtensions)).LogWarning("{Message}", ex.Message);
            return compiled;
        }
    }
}
