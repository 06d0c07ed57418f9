using JourneyContent.Web.Tracking;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace JourneyContent.Site.Hosting;

/// <summary>Where the site sends its traces and metrics (<c>JourneyContent:Telemetry</c>); nothing leaves the site until an endpoint is set.</summary>
internal sealed class SiteTelemetryOptions
{
    public const string Section = "JourneyContent:Telemetry";

    /// <summary>The OTLP collector's base address (for example <c>http://127.0.0.1:4318</c>); empty, the default, sends nothing.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>HttpProtobuf</c> (the default, port 4318) or <c>Grpc</c> (port 4317).</summary>
    public OtlpExportProtocol Protocol { get; set; } = OtlpExportProtocol.HttpProtobuf;

    /// <summary>The service name the collector shows; one per site, whatever the instance.</summary>
    public string ServiceName { get; set; } = "journeycontent-site";
}

/// <summary>OpenTelemetry over OTLP: requests, the database driver and the module's own meters, off by default.</summary>
internal static class SiteTelemetry
{
    /// <summary>The module's meters: tracking, and whatever the module adds under the same prefix.</summary>
    private const string ModuleMeters = "JourneyContent.*";

    /// <exception cref="InvalidOperationException">The endpoint is not an absolute http(s) address.</exception>
    public static IServiceCollection AddSiteTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SiteTelemetryOptions.Section).Get<SiteTelemetryOptions>() ?? new SiteTelemetryOptions();
        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            return services;
        }

        if (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{SiteTelemetryOptions.Section}:OtlpEndpoint is not an http(s) address: give the collector's, such as http://127.0.0.1:4318.");
        }

        void Exporter(OtlpExporterOptions otlp, string signal)
        {
            // With HTTP the exporter posts to the address as given, so the signal's path is added here.
            otlp.Endpoint = options.Protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signal) : endpoint;
            otlp.Protocol = options.Protocol;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceInstanceId: Environment.MachineName + "-" + Environment.ProcessId))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/healthz") && !context.Request.Path.StartsWithSegments("/readyz"))
                .AddSource("Npgsql")
                .AddOtlpExporter(o => Exporter(o, "v1/traces")))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(TrackingMetrics.MeterName, ModuleMeters, "Npgsql")
                .AddOtlpExporter(o => Exporter(o, "v1/metrics")));
        return services;
    }
}
