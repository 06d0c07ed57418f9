namespace JourneyContent.Tracking;

/// <summary>What a visitor did: an interaction with a piece of content, or an explicit signal of their stage.</summary>
/// <remarks>
/// <para>Events are cumulative: an engaged read is recorded as a <see cref="View"/> followed by an
/// <see cref="Engaged"/> event for the same content, so it weighs view + engaged.</para>
/// <para>The five members from <see cref="DeclaredStage"/> to <see cref="CustomerFlag"/> are explicit signals: besides weighing as evidence, they set the visitor's stage for a
/// period (see <c>StageInferenceSettings.ExplicitSignalDuration</c>). Their stored keys are given by
/// <see cref="JourneyEventTypes.Key"/>.</para>
/// </remarks>
public enum JourneyEventType
{
    /// <summary>The page of a content item was opened (<c>view</c>).</summary>
    View = 0,

    /// <summary>The visitor read the page: stayed 30 seconds or scrolled 60 % of it (<c>engaged</c>, see <see cref="EngagementRule"/>).</summary>
    Engaged = 1,

    /// <summary>A call to action on the page was clicked (<c>cta_click</c>).</summary>
    CtaClick = 2,

    /// <summary>An asset (white paper, benchmark PDF) was downloaded (<c>download</c>).</summary>
    Download = 3,

    /// <summary>A form on the page was submitted (<c>form_submit</c>).</summary>
    FormSubmit = 4,

    /// <summary>The visitor said which stage they are in, for example in a form (<c>declared_stage</c>).</summary>
    DeclaredStage = 5,

    /// <summary>The visitor signed up for a trial (<c>trial_signup</c>): an explicit decision-stage signal.</summary>
    TrialSignUp = 6,

    /// <summary>The visitor asked for a demo (<c>demo_request</c>): an explicit decision-stage signal.</summary>
    DemoRequest = 7,

    /// <summary>The visitor bought (<c>purchase</c>): an explicit customer (loyalty) signal.</summary>
    Purchase = 8,

    /// <summary>The visitor was flagged as a customer, for example by the CRM (<c>customer</c>): an explicit loyalty signal.</summary>
    CustomerFlag = 9,

    /// <summary>A call to action was shown on a page (<c>cta_impression</c>); it says nothing of the stage and weighs 0 by default.</summary>
    CtaImpression = 10,
}

/// <summary>The stored keys of <see cref="JourneyEventType"/> and their parsing.</summary>
public static class JourneyEventTypes
{
    private static readonly string[] Keys =
        ["view", "engaged", "cta_click", "download", "form_submit", "declared_stage", "trial_signup", "demo_request", "purchase", "customer", "cta_impression"];

    /// <summary>The number of event types; their values are 0 to <c>Count − 1</c>.</summary>
    public const int Count = 11;

    /// <summary>Every event type, in value order.</summary>
    public static IReadOnlyList<JourneyEventType> All { get; } = [.. Enumerable.Range(0, Count).Select(i => (JourneyEventType)i)];

    /// <summary>The stored key of <paramref name="type"/>, for example <c>cta_click</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined value.</exception>
    public static string Key(this JourneyEventType type) =>
        (uint)type < Count ? Keys[(int)type] : throw new ArgumentOutOfRangeException(nameof(type), type, "Not a journey event type.");

    /// <summary>True for the explicit signals, which set the visitor's stage for a period.</summary>
    public static bool IsExplicitSignal(this JourneyEventType type) => type is >= JourneyEventType.DeclaredStage and <= JourneyEventType.CustomerFlag;

    /// <summary>Parses a stored key, compared without regard to case and surrounding spaces; it allocates nothing.</summary>
    public static bool TryParse(ReadOnlySpan<char> key, out JourneyEventType type)
    {
        key = key.Trim();
        for (var i = 0; i < Keys.Length; i++)
        {
            if (key.Equals(Keys[i], StringComparison.OrdinalIgnoreCase))
            {
                type = (JourneyEventType)i;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>Parses a stored key; null and unknown keys give false.</summary>
    public static bool TryParse(string? key, out JourneyEventType type)
    {
        if (key is null)
        {
            type = default;
            return false;
        }

        return TryParse(key.AsSpan(), out type);
    }
}
