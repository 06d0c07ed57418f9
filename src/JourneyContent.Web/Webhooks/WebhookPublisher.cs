using System.Globalization;
using System.Text.Json;
using JourneyContent.Webhooks;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Webhooks;

/// <summary>Queues CRM webhooks in the outbox; the <see cref="WebhookDispatcher"/> posts them.</summary>
/// <remarks>It never sends inline: a visitor submitting a form never waits for, or fails because of, a CRM.</remarks>
public sealed class WebhookPublisher(
    IWebhookOutbox outbox,
    IOptionsMonitor<WebhookOptions> options,
    WebhookDispatcher dispatcher,
    TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues <paramref name="payload"/> as <c>{"event", "id", "occurredAt", "data"}</c> for the URL configured for
    /// <paramref name="eventName"/> and wakes the dispatcher. Returns false, storing nothing, when that event has no URL.
    /// </summary>
    /// <param name="eventName">One of <see cref="WebhookEvents"/>.</param>
    /// <param name="payload">The <c>data</c> object, serialised with camelCase names.</param>
    /// <param name="leadId">The lead the event is about, so that erasing the lead reaches the message.</param>
    /// <param name="cancellationToken">Cancels the queuing.</param>
    /// <exception cref="ArgumentException"><paramref name="eventName"/> is not one of <see cref="WebhookEvents"/>.</exception>
    public async Task<bool> PublishAsync(string eventName, object payload, string? leadId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        ArgumentNullException.ThrowIfNull(payload);
        var settings = options.CurrentValue;
        var url = eventName switch
        {
            WebhookEvents.LeadCaptured => settings.LeadCapturedUrl,
            WebhookEvents.StageChanged => settings.StageChangedUrl,
            _ => throw new ArgumentException($"'{eventName}' is not a webhook event; use one of WebhookEvents.", nameof(eventName)),
        };
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var envelope = new Envelope(
            eventName,
            Guid.NewGuid().ToString(),
            time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            payload);
        var body = JsonSerializer.Serialize(envelope, Json);
        await outbox.EnqueueAsync(eventName, url, body, leadId, cancellationToken);
        dispatcher.Wake();
        return true;
    }

    /// <summary>The posted JSON; <c>Data</c> is typed <see cref="object"/> so that the payload's own properties are written.</summary>
    private sealed record Envelope(string Event, string Id, string OccurredAt, object Data);
}
