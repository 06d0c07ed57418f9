using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JourneyContent.Web.Tests.Webhooks;

/// <summary>A request as the receiver saw it.</summary>
internal sealed record ReceivedWebhook(string Body, string? ContentType, string? Event, string? Delivery, string? Signature, DateTimeOffset ReceivedAt)
{
    /// <summary>The <c>webhook-timestamp</c> header.</summary>
    public string? Timestamp { get; init; }

    /// <summary>Every header as received, for a Standard Webhooks library to verify.</summary>
    public IHeaderDictionary Headers { get; init; } = new HeaderDictionary();
}

/// <summary>A real HTTP receiver on a free loopback port: it records every POST to <c>/hook</c> and answers with the next queued status (200 when none).</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>How long each answer is held back, to provoke timeouts.</summary>
    public TimeSpan Delay { get; set; }

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        // Port 0 is resolved by Kestrel: the bound address is known only once started.
        receiver.Url = app.Urls.Single().TrimEnd('/') + "/hook";
        return receiver;
    }

    /// <summary>Completes as soon as the next request arrives; the 2 min only guard against a hung test, it is never waited out when things work.</summary>
    public async Task NextAsync()
    {
        if (!await _arrived.WaitAsync(TimeSpan.FromMinutes(2)))
        {
            throw new TimeoutException("No webhook arrived within 2 min.");
        }
    }

    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _statuses.Enqueue(status);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers;
        Received.Enqueue(new ReceivedWebhook(
            body,
            context.Request.ContentType,
            headers["X-JourneyContent-Event"].FirstOrDefault(),
            headers["webhook-id"].FirstOrDefault(),
            headers["webhook-signature"].FirstOrDefault(),
            DateTimeOffset.UtcNow)
        {
            Timestamp = headers["webhook-timestamp"].FirstOrDefault(),
            Headers = new HeaderDictionary(headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase)),
        });
        _arrived.Release();
        if (Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = _statuses.TryDequeue(out var status) ? status : StatusCodes.Status200OK;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
