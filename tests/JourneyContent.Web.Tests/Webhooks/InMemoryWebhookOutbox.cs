using JourneyContent.Webhooks;

namespace JourneyContent.Web.Tests.Webhooks;

/// <summary>The <see cref="IWebhookOutbox"/> contract in memory, with the SQLite outbox's rules (marking touches pending messages only).</summary>
/// <remarks>This project does not reference JourneyContent.Sqlite; the SQLite outbox's own tests pin the same behaviour on a real file.</remarks>
internal sealed class InMemoryWebhookOutbox(TimeProvider time) : IWebhookOutbox
{
    private readonly Lock _lock = new();
    private readonly List<WebhookMessage> _messages = [];

    public IReadOnlyList<WebhookMessage> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    public Task<long> EnqueueAsync(string eventName, string url, string body, string? leadId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var message = new WebhookMessage(_messages.Count + 1, eventName, url, body, leadId, WebhookStatus.Pending, 0, now, now, null, null);
            _messages.Add(message);
            return Task.FromResult(message.Id);
        }
    }

    public Task<IReadOnlyList<WebhookMessage>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<WebhookMessage> due = [.. _messages
                .Where(m => m.Status == WebhookStatus.Pending && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Take(max)];
            return Task.FromResult(due);
        }
    }

    public Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Update(id, m => m with { Status = WebhookStatus.Sent, Attempts = m.Attempts + 1, SentAt = at });
        return Task.CompletedTask;
    }

    public Task MarkFailedAsync(long id, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        Update(id, m => m with
        {
            Status = nextAttemptAt is null ? WebhookStatus.Failed : WebhookStatus.Pending,
            Attempts = m.Attempts + 1,
            LastError = error,
            NextAttemptAt = nextAttemptAt ?? m.NextAttemptAt,
        });
        return Task.CompletedTask;
    }

    public Task<WebhookSummary> SummaryAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(new WebhookSummary(
                _messages.Count(m => m.Status == WebhookStatus.Pending),
                _messages.Count(m => m.Status == WebhookStatus.Sent),
                _messages.Count(m => m.Status == WebhookStatus.Failed)));
        }
    }

    public Task<IReadOnlyList<WebhookMessage>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<WebhookMessage> recent = [.. _messages.OrderByDescending(m => m.Id).Take(limit)];
            return Task.FromResult(recent);
        }
    }

    public Task<int> EraseLeadAsync(string leadId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var count = 0;
            for (var i = 0; i < _messages.Count; i++)
            {
                var m = _messages[i];
                if (m.LeadId == leadId)
                {
                    _messages[i] = m.Status == WebhookStatus.Pending
                        ? m with { Body = "{}", Status = WebhookStatus.Failed, LastError = "lead erased" }
                        : m with { Body = "{}" };
                    count++;
                }
            }

            return Task.FromResult(count);
        }
    }

    private void Update(long id, Func<WebhookMessage, WebhookMessage> change)
    {
        lock (_lock)
        {
            var index = _messages.FindIndex(m => m.Id == id);
            if (index >= 0 && _messages[index].Status == WebhookStatus.Pending)
            {
                _messages[index] = change(_messages[index]);
            }
        }
    }
}
