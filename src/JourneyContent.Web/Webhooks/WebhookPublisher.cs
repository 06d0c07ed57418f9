using System.Globalization;
using System.Text.Json;
using JourneyContent.Delivery;
using JourneyContent.Webhooks;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Webhooks;

/// <summary>Composes CRM webhooks as outbox messages, and queues them; the outbox worker posts them through <see cref="WebhookDelivery"/>.</summary>
/// <remarks>It never sends inline: a visitor submitting a form never waits for, or fails because of, a CRM.</remarks>
public sealed class WebhookPublisher(
    IOutbox outbox,
    IOptionsMonitor<WebhookOptions> options,
    IEnumerable<IOutboxSignal> signals,
    TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The outbox message that posts <paramref name="payload"/> as <c>{"event", "id", "occurredAt", "data"}</c> to the URL
    /// configured for <paramref name="eventName"/>, or null when that event has no URL. Composes only (no I/O), so that it can
    /// run inside a store's transaction.
    /// </summary>
    /// <param name="eventName">One of <see cref="WebhookEvents"/>.</param>
    /// <param name="payload">The <c>data</c> object, serialised with camelCase names.</param>
    /// <param name="leadId">The lead the event is about, so that erasing the lead reaches the message.</param>
    /// <exception cref="ArgumentException"><paramref name="eventName"/> is not one of <see cref="WebhookEvents"/>.</exception>
    public OutboxMessage? Compose(string eventName, object payload, string? leadId)
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
            return null;
        }

        var envelope = new Envelope(
            eventName,
            Guid.NewGuid().ToString(),
            time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            payload);
        return new WebhookPayload(eventName, url, JsonSerializer.Serialize(envelope, Json)).ToMessage(leadId);
    }

    /// <summary>
    /// Queues what <see cref="Compose"/> gives and wakes the worker. Returns false, storing nothing, when that event has no URL.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="eventName"/> is not one of <see cref="WebhookEvents"/>.</exception>
    public async Task<bool> PublishAsync(string eventName, object payload, string? leadId, CancellationToken cancellationToken)
    {
        if (Compose(eventName, payload, leadId) is not { } message)
        {
            return false;
        }

        await outbox.EnqueueAsync(message, cancellationToken);
        foreach (var signal in signals)
        {
            signal.MessagesQueued();
        }

        return true;
    }

    /// <summary>The posted JSON; <c>Data</c> is typed <see cref="object"/> so that the payload's own properties are written.</summary>
    private sealed record Envelope(string Event, string Id, string OccurredAt, object Data);
}
