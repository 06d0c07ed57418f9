using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using JourneyContent.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Webhooks;

/// <summary>
/// Posts due outbox messages to their receivers, every <see cref="WebhookOptions.PollInterval"/> or as soon as
/// <see cref="Wake"/> is called, and records each outcome: 2xx is sent, anything else is tried again by
/// <see cref="WebhookOptions.Retry"/>, except 410 Gone, which gives up at once.
/// </summary>
/// <remarks>
/// <para>Registered as a singleton and as the hosted service (the same instance), so that the publisher can wake it.</para>
/// <para>Requests follow the Standard Webhooks specification (<see cref="WebhookSignature"/>): <c>webhook-id</c>,
/// <c>webhook-timestamp</c> and <c>webhook-signature</c>.</para>
/// <para>Delivery is at least once: a crash between the post and its record sends the message again, with the same
/// <c>webhook-id</c>, so that receivers can ignore the repeat.</para>
/// </remarks>
public sealed class WebhookDispatcher(
    IWebhookOutbox outbox,
    IHttpClientFactory httpClients,
    IOptionsMonitor<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>The name of the <see cref="HttpClient"/> used for webhooks, configured by <c>AddJourneyContentWebhooks</c>.</summary>
    public const string HttpClientName = "JourneyContent.Webhooks";

    /// <summary>The header naming the event.</summary>
    public const string EventHeader = "X-JourneyContent-Event";

    // Errors are stored and shown in the back office; a receiver's long error page is not worth keeping whole.
    private const int MaxErrorLength = 500;

    // At most one wake-up waits: several publications during one pass need only one more pass.
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Makes the dispatcher look for due messages now instead of at the next poll.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch suggests more are due: go on without waiting.
                while (await DispatchDueAsync(stoppingToken) >= Math.Max(1, options.CurrentValue.BatchSize))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The outbox may be briefly unavailable (locked, disk full): log and try at the next poll, never stop for good.
                logger.LogError(ex, "Webhook dispatch failed; trying again at the next poll.");
            }

            await WaitAsync(stoppingToken);
        }
    }

    /// <summary>Posts one batch of due messages and records each outcome; returns how many messages were attempted.</summary>
    internal async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var batch = Math.Max(1, settings.BatchSize);
        // Claimed for longer than the whole batch can take, so a slow receiver does not let another worker claim the rest.
        var lease = TimeSpan.FromMinutes(1) + (settings.Timeout * batch);
        var due = await outbox.ClaimDueAsync(time.GetUtcNow(), batch, lease, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var client = httpClients.CreateClient(HttpClientName);
        foreach (var message in due)
        {
            await DeliverAsync(client, message, settings, cancellationToken);
        }

        return due.Count;
    }

    private async Task DeliverAsync(HttpClient client, WebhookMessage message, WebhookOptions settings, CancellationToken cancellationToken)
    {
        string error;
        var giveUp = false;
        try
        {
            if (string.IsNullOrEmpty(settings.Secret))
            {
                // Validation on start prevents this; an unsigned request would be accepted by no careful receiver.
                error = "JourneyContent:Webhooks:Secret is not set.";
            }
            else
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, message.Url);
                request.Content = new StringContent(message.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
                request.Headers.Add(EventHeader, message.Event);
                // Signed at send time, so that a retry hours later still falls in the receiver's tolerance window.
                var signedAt = time.GetUtcNow();
                request.Headers.Add(WebhookSignature.IdHeader, message.IdempotencyId);
                request.Headers.Add(WebhookSignature.TimestampHeader, WebhookSignature.Seconds(signedAt));
                request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(settings.Secret, message.IdempotencyId, signedAt, message.Body));
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    await outbox.MarkSentAsync(message.Id, time.GetUtcNow(), cancellationToken);
                    return;
                }

                error = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}").TrimEnd();
                // 410 Gone is the receiver saying the hook was removed: retrying would only be noise.
                giveUp = response.StatusCode == HttpStatusCode.Gone;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"Timed out after {client.Timeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException ex)
        {
            // Connection refused, DNS failure, TLS error, reset connection: the receiver may come back.
            error = ex.Message;
        }
        catch (Exception ex) when (ex is InvalidOperationException or UriFormatException or FormatException or ArgumentException)
        {
            // A URL the client cannot post to, or a header it rejects, will not get better by waiting.
            error = ex.Message;
            giveUp = true;
        }

        if (error.Length > MaxErrorLength)
        {
            error = error[..MaxErrorLength];
        }

        var attempts = message.Attempts + 1;
        var next = giveUp ? null : options.CurrentValue.Retry.NextAttempt(attempts, time.GetUtcNow());
        await outbox.MarkFailedAsync(message.Id, error, next, cancellationToken);
        // The host only, never the URL (hook URLs often embed tokens) nor the secret.
        logger.LogWarning(
            "Webhook {Event} #{Delivery} to {Host} failed (attempt {Attempts}): {Error}. {Outcome}",
            message.Event,
            message.Id,
            HostOf(message.Url),
            attempts,
            error,
            next is { } at ? string.Create(CultureInfo.InvariantCulture, $"Next attempt at {at:O}.") : "Given up.");
    }

    private static string HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : "(invalid URL)";

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var poll = Task.Delay(options.CurrentValue.PollInterval, time, stop.Token);
        var woken = _wake.WaitAsync(stop.Token);
        await Task.WhenAny(poll, woken);
        // Ends the other wait; cancelled tasks need no observing.
        await stop.CancelAsync();
    }
}
