using System.Text.Json;
using JourneyContent.Delivery;
using JourneyContent.Health;
using JourneyContent.Web.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Health;

/// <summary>
/// Liveness and readiness for load balancers and orchestrators: <c>/healthz</c> answers while the process serves,
/// <c>/readyz</c> only when the store answers with its schema migrated, the event writer keeps up and the outbox drains.
/// </summary>
/// <remarks>
/// Answers carry each check's name, status and a short description with no host, path or connection string: the
/// details of a failure go to the log. Both endpoints are anonymous, as probes are, and cached by nobody.
/// </remarks>
public static partial class JourneyHealthChecks
{
    /// <summary>The path of the liveness probe.</summary>
    public const string LivenessPath = "/healthz";

    /// <summary>The path of the readiness probe.</summary>
    public const string ReadinessPath = "/readyz";

    private const string ReadyTag = "ready";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Registers the readiness checks (store, event backlog, outbox backlog) and their thresholds.</summary>
    public static IServiceCollection AddJourneyContentHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<JourneyHealthOptions>().Bind(configuration.GetSection(JourneyHealthOptions.SectionName))
            .Validate(o => o.MaxEventBacklog > 0 && o.MaxOutboxBacklog > 0, "JourneyContent:Health:MaxEventBacklog and MaxOutboxBacklog must be positive.")
            .ValidateOnStart();
        services.AddHealthChecks()
            .AddCheck<StoreCheck>("store", tags: [ReadyTag])
            .AddCheck<EventBacklogCheck>("event-backlog", tags: [ReadyTag])
            .AddCheck<OutboxBacklogCheck>("outbox-backlog", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps <see cref="LivenessPath"/> (no check: the process answers) and <see cref="ReadinessPath"/> (every check; 503 when one fails).</summary>
    public static IEndpointRouteBuilder MapJourneyHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        endpoints.MapHealthChecks(ReadinessPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync }).AllowAnonymous();
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }

    private sealed partial class StoreCheck(IStoreHealth store, ILogger<StoreCheck> logger) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var health = await store.CheckAsync(cancellationToken);
            if (health.IsReady)
            {
                return HealthCheckResult.Healthy("The database answers and its schema is migrated.");
            }

            LogNotReady(logger, health.Problem ?? "unknown");
            return HealthCheckResult.Unhealthy(health.Reachable
                ? $"The database answers but migrations are not applied: {health.PendingMigrations}."
                : "The database does not answer.");
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "The store is not ready: {Problem}")]
        private static partial void LogNotReady(ILogger logger, string problem);
    }

    private sealed class EventBacklogCheck(TrackingMetrics metrics, IOptions<JourneyHealthOptions> options) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var backlog = metrics.Queued - metrics.Written - metrics.Dropped;
            var max = options.Value.MaxEventBacklog;
            return Task.FromResult(backlog <= max
                ? HealthCheckResult.Healthy($"Events waiting to be stored: {backlog} (at most {max}).")
                : HealthCheckResult.Unhealthy($"Events waiting to be stored: {backlog}, above {max}."));
        }
    }

    private sealed class OutboxBacklogCheck(IOutbox outbox, IOptions<JourneyHealthOptions> options) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var pending = (await outbox.SummaryAsync(cancellationToken)).Sum(s => (long)s.Pending);
            var max = options.Value.MaxOutboxBacklog;
            return pending <= max
                ? HealthCheckResult.Healthy($"Messages waiting to be sent: {pending} (at most {max}).")
                : HealthCheckResult.Unhealthy($"Messages waiting to be sent: {pending}, above {max}.");
        }
    }
}
