using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using JourneyContent.Delivery;
using JourneyContent.Webhooks;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Webhooks;

/// <summary>
/// Delivers the outbox's <see cref="OutboxChannels.Webhook"/> channel: posts each message to its receiver, signed by the
/// Standard Webhooks specification. 2xx is sent; 410 Gone gives up at once; anything else is retried by
/// <see cref="WebhookOptions.Retry"/>.
/// </summary>
/// <remarks>
/// <para>Requests carry <c>webhook-id</c> (the message's idempotency id, the same on every attempt), <c>webhook-timestamp</c>
/// and <c>webhook-signature</c> (<see cref="WebhookSignature"/>), so a receiver verifies them with any Standard Webhooks
/// library and ignores a repeat.</para>
/// </remarks>
public sealed class WebhookDelivery(IHttpClientFactory httpClients, IOptionsMonitor<WebhookOptions> options, TimeProvider time) : IOutboxDelivery
{
    /// <summary>The name of the <see cref="HttpClient"/> used for webhooks, configured by <c>AddJourneyContentWebhooks</c>.</summary>
    public const string HttpClientName = "JourneyContent.Webhooks";

    /// <summary>The header naming the event.</summary>
    public const string EventHeader = "X-JourneyContent-Event";

    /// <inheritdoc />
    public string Channel => OutboxChannels.Webhook;

    /// <inheritdoc />
    public OutboxRetryPolicy Retry => options.CurrentValue.Retry;

    /// <inheritdoc />
    public async Task<DeliveryResult> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var settings = options.CurrentValue;
        if (string.IsNullOrEmpty(settings.Secret))
        {
            // Validation on start prevents this; an unsigned request would be accepted by no careful receiver.
            return DeliveryResult.Retry($"{WebhookOptions.Section}:Secret is not set.");
        }

        WebhookPayload payload;
        try
        {
            payload = WebhookPayload.Read(entry.Message);
        }
        catch (JsonException ex)
        {
            return DeliveryResult.GiveUp("The stored webhook payload cannot be read: " + ex.Message);
        }

        var client = httpClients.CreateClient(HttpClientName);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, payload.Url);
            request.Content = new StringContent(payload.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            request.Headers.Add(EventHeader, payload.Event);
            // Signed at send time, so that a retry hours later still falls in the receiver's tolerance window.
            var signedAt = time.GetUtcNow();
            var id = entry.Message.IdempotencyId;
            request.Headers.Add(WebhookSignature.IdHeader, id);
            request.Headers.Add(WebhookSignature.TimestampHeader, WebhookSignature.Seconds(signedAt));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(settings.Secret, id, signedAt, payload.Body));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return DeliveryResult.Delivered;
            }

            var error = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}").TrimEnd();
            // 410 Gone is the receiver saying the hook was removed: retrying would only be noise.
            return response.StatusCode == HttpStatusCode.Gone ? DeliveryResult.GiveUp(error) : DeliveryResult.Retry(error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Retry(string.Create(CultureInfo.InvariantCulture, $"Timed out after {client.Timeout.TotalSeconds:0.###} s."));
        }
        catch (HttpRequestException ex)
        {
            // Connection refused, DNS failure, TLS error, reset connection: the receiver may come back.
            return DeliveryResult.Retry(ex.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or UriFormatException or FormatException or ArgumentException)
        {
            // A URL the client cannot post to, or a header it rejects, will not get better by waiting.
            return DeliveryResult.GiveUp(ex.Message);
        }
    }
}
