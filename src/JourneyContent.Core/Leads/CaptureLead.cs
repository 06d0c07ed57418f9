using System.Data.Common;
using JourneyContent.Delivery;
using JourneyContent.Forms;
using JourneyContent.Mail;
using JourneyContent.Stages;

namespace JourneyContent.Leads;

/// <summary>The gated form use case: checks a submission, captures the lead with its consent and mails the link.</summary>
/// <remarks>
/// <para>Order of checks: honeypot, stamp (expired, then too fast), fields, the per-address limit; only then is anything
/// written. The tracking event is recorded first so that the lead's stage includes this submission.</para>
/// <para>The lead, its first mail and its <c>lead.captured</c> webhook (<see cref="ILeadCaptureMessages"/>) are committed in one transaction (the store writes the messages composed here), before the visitor is thanked. A store that refuses the
/// write (<see cref="DbException"/>: busy beyond its retry budget, read-only) gives <see cref="LeadSubmissionOutcome.StoreUnavailable"/>
/// and nothing of the lead is written; other failures propagate.</para>
/// <para>It knows no HTTP: the host reads the request into a <see cref="LeadSubmission"/> and maps the outcome to its answer.</para>
/// </remarks>
public sealed class CaptureLead
{
    private readonly ILeadStore _leads;
    private readonly IOutbox _outbox;
    private readonly IEnumerable<IOutboxSignal> _signals;
    private readonly IEnumerable<ILeadCaptureMessages> _captureMessages;
    private readonly ILeadJourney _journey;
    private readonly StageModel _stages;
    private readonly LinkSigner _signer;
    private readonly LeadFormSettings _settings;
    private readonly JourneyContent.Throttling.FixedWindowLimit _perAddress;

    /// <summary>Creates the use case.</summary>
    public CaptureLead(
        ILeadStore leads, IOutbox outbox, IEnumerable<IOutboxSignal> signals, IEnumerable<ILeadCaptureMessages> captureMessages,
        ILeadJourney journey, StageModel stages, LinkSigner signer, LeadFormSettings settings, ITextCatalog texts, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _leads = leads;
        _outbox = outbox;
        _signals = signals;
        _captureMessages = captureMessages;
        _journey = journey;
        _stages = stages;
        _signer = signer;
        _settings = settings;
        Mails = new LeadMails(signer, settings, texts);
        _perAddress = new JourneyContent.Throttling.FixedWindowLimit(settings.PerEmailLimit, settings.RateLimitWindow, time);
    }

    /// <summary>The rules in force.</summary>
    public LeadFormSettings Settings => _settings;

    /// <summary>The composition of the capture's mails.</summary>
    public LeadMails Mails { get; }

    /// <summary>The lead a visitor id belongs to (not erased) and whether the consent must be asked.</summary>
    public async Task<KnownVisitor> KnownAsync(string? visitorId, CancellationToken cancellationToken)
    {
        var lead = visitorId is null ? null : await _leads.FindByVisitorAsync(visitorId, cancellationToken);
        if (lead is not { IsErased: false })
        {
            return new KnownVisitor(null, AskConsent: true);
        }

        return new KnownVisitor(lead, !await _leads.HasConsentedAsync(lead.Id, _settings.ConsentVersion, cancellationToken));
    }

    /// <summary>Takes one submission.</summary>
    public async Task<LeadSubmissionOutcome> SubmitAsync(LeadSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.HoneypotFilled)
        {
            return new LeadSubmissionOutcome.Refused("honeypot");
        }

        var item = submission.Item;
        var now = submission.At;
        switch (FormStamp.Check(_signer, submission.Stamp, item.Id, now, _settings.MinimumFillTime))
        {
            case StampCheck.Expired:
                return new LeadSubmissionOutcome.Invalid(new Dictionary<FormField, FormError>(), Expired: true);
            case StampCheck.TooFast:
                return new LeadSubmissionOutcome.Refused("too-fast");
        }

        KnownVisitor known;
        try
        {
            known = await KnownAsync(submission.VisitorId, cancellationToken);
        }
        catch (Exception ex) when (Health.StoreFailure.Is(ex))
        {
            return new LeadSubmissionOutcome.StoreUnavailable(ex);
        }

        var validation = FormValidator.Validate(submission.Form, submission.Input, _stages, known.Lead is null ? null : known.KnownFields, known.AskConsent);
        if (!validation.IsValid)
        {
            return new LeadSubmissionOutcome.Invalid(validation.Errors, Expired: false);
        }

        // Addresses are counted whatever their case, so changing case does not get round the limit.
        if (_perAddress.TryAcquire(validation.Email!.ToLowerInvariant()) is { } retryAfter)
        {
            return new LeadSubmissionOutcome.RateLimited(retryAfter);
        }

        var visitorId = submission.VisitorId;
        string? inferred = null;
        if (visitorId is not null)
        {
            await _journey.RecordSubmissionAsync(visitorId, now, item.Id, validation.DeclaredStage);
            inferred = await _journey.StageAsync(visitorId);
        }

        string? downloadToken = null;
        LeadCaptureResult result;
        try
        {
            result = await _leads.CaptureAsync(new LeadCapture
            {
                Email = validation.Email!,
                Profile = validation.Profile,
                Language = item.Language,
                ContentId = item.Id,
                DeclaredStage = validation.DeclaredStage,
                Stage = inferred ?? validation.DeclaredStage,
                Consent = known.AskConsent ? new ConsentRecord(submission.ConsentText, _settings.ConsentVersion, now, submission.IpHash, item.Id) : null,
                VisitorId = visitorId,
                MemberKey = submission.MemberKey,
                Source = submission.Source,
                At = now,
                // Composed here, written by the lead store in the lead's own transaction: a capture leaves the lead, its mail
                // and its webhook, or none of them.
                Messages = stored =>
                {
                    var messages = new List<OutboxMessage>();
                    if (_settings.DoubleOptIn && stored.Lead.EmailConfirmedAt is null)
                    {
                        messages.Add(MailOutboxMessages.Create(Mails.Confirmation(stored.Lead, item, submission.LinkBase, now)));
                    }
                    else
                    {
                        var (token, mail) = Mails.Download(stored.Lead, item, submission.LinkBase, now);
                        downloadToken = token;
                        if (mail is not null)
                        {
                            messages.Add(MailOutboxMessages.Create(mail));
                        }
                    }

                    var captured = new LeadCaptured(stored.Lead, item.Id, stored.IsNew) { StageChange = stored.StageChange };
                    foreach (var composer in _captureMessages)
                    {
                        messages.AddRange(composer.Compose(captured));
                    }

                    return messages;
                },
            }, cancellationToken);
        }
        catch (Exception ex) when (Health.StoreFailure.Is(ex))
        {
            return new LeadSubmissionOutcome.StoreUnavailable(ex);
        }

        if (visitorId is not null && result.OtherVisitors.Count > 0)
        {
            try
            {
                await _journey.MergeAsync(visitorId, result.OtherVisitors);
            }
            catch (Exception ex) when (Health.StoreFailure.Is(ex))
            {
                // The lead and its mail are committed, so the visitor is still thanked; only the live merge of their
                // browsers is lost, as it is after a restart.
            }
        }

        if (result.MessagesQueued > 0)
        {
            SignalQueued();
        }

        var lead = result.Lead;

        return new LeadSubmissionOutcome.Accepted(lead, downloadToken, new LeadCaptured(lead, item.Id, result.IsNew) { StageChange = result.StageChange });
    }

    /// <summary>Creates a fresh download link for a lead, queues its mail and returns the token.</summary>
    public async Task<string> SendDownloadAsync(Lead lead, Content.ContentItem item, string linkBase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (token, mail) = Mails.Download(lead, item, linkBase, now);
        if (mail is not null)
        {
            await EnqueueAsync(mail, cancellationToken);
        }

        return token;
    }

    private async Task EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        await _outbox.EnqueueAsync(MailOutboxMessages.Create(mail), cancellationToken);
        SignalQueued();
    }

    private void SignalQueued()
    {
        foreach (var signal in _signals)
        {
            signal.MessagesQueued();
        }
    }
}
