using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace JourneyContent.Mail;

/// <summary>Sends mail through an SMTP server with MailKit.</summary>
/// <remarks>
/// One connection serves a whole batch: the outbox worker ends the batch, which disconnects, so no connection idles between polls
/// (servers drop idle ones) and a failed send never leaves a broken connection to the next one.
/// </remarks>
public sealed class SmtpMailTransport : IMailTransport, IBatchingMailTransport, IAsyncDisposable, IDisposable
{
    private const int TimeoutMilliseconds = 30_000;

    private readonly MailOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private SmtpClient? _client;

    /// <summary>Creates the transport from the mail options.</summary>
    public SmtpMailTransport(IOptions<MailOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.Value;
        _time = time;
    }

    /// <inheritdoc />
    public string Name => "smtp";

    /// <inheritdoc />
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        using var message = MimeMessages.Create(mail, _options, _time.GetUtcNow());
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var client = await ConnectedAsync(cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch
        {
            // The connection's state is unknown after a failure: start afresh next time.
            await CloseAsync();
            throw;
        }
        finally
        {
            _lock.Release();
        }
    }

    async Task IBatchingMailTransport.EndBatchAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await CloseAsync();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _lock.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _client?.Dispose();
        _client = null;
        _lock.Dispose();
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } connected)
        {
            return connected;
        }

        _client?.Dispose();
        var smtp = _options.Smtp;
        var host = string.IsNullOrWhiteSpace(smtp.Host)
            ? throw new InvalidOperationException($"{MailOptions.SectionName}:Smtp:Host is not set.")
            : smtp.Host;
        MailOptionsValidator.TryParseSecurity(smtp.Security, out var security);
        var client = new SmtpClient { Timeout = TimeoutMilliseconds };
        _client = client;
        await client.ConnectAsync(host, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        return client;
    }

    private async Task CloseAsync()
    {
        var client = _client;
        _client = null;
        if (client is null)
        {
            return;
        }

        try
        {
            if (client.IsConnected)
            {
                // QUIT is a courtesy; a server that does not answer must not hold the outbox worker up.
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Already broken: disposing below closes the socket anyway.
        }
        finally
        {
            client.Dispose();
        }
    }
}
