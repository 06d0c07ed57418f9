namespace JourneyContent.Webhooks;

/// <summary>The event names sent to CRM webhooks, in the <c>event</c> field and the <c>X-JourneyContent-Event</c> header.</summary>
public static class WebhookEvents
{
    /// <summary>A visitor left their details (a lead was created).</summary>
    public const string LeadCaptured = "lead.captured";

    /// <summary>A lead moved to another buyer's-journey stage.</summary>
    public const string StageChanged = "lead.stage_changed";
}
