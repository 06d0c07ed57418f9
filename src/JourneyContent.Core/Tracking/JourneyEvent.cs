namespace JourneyContent.Tracking;

/// <summary>One event of a visitor's history, as stored and replayed: who, when, what, on which content.</summary>
/// <remarks>
/// <para>A value type so that a history of millions of events is read without an object per event.
/// <see cref="Content"/> is a content id or slug, resolved by the replayer; it is null for signals that concern no page
/// (a customer flag set by a CRM). <see cref="DeclaredStage"/> is the stage key of a
/// <see cref="JourneyEventType.DeclaredStage"/> event and is null for every other type.</para>
/// <para>The timestamp is kept as given; inference works on its UTC instant.</para>
/// </remarks>
public readonly record struct JourneyEvent
{
    /// <summary>Creates an event, checking its arguments.</summary>
    /// <exception cref="ArgumentException">The visitor id is empty, the type is undefined, or a stage is declared by an event that is not <see cref="JourneyEventType.DeclaredStage"/> (or missing from one that is).</exception>
    public JourneyEvent(string visitorId, DateTimeOffset timestamp, JourneyEventType type, string? content = null, string? declaredStage = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(visitorId);
        if ((uint)type >= JourneyEventTypes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Not a journey event type.");
        }

        if ((type == JourneyEventType.DeclaredStage) == string.IsNullOrWhiteSpace(declaredStage))
        {
            throw new ArgumentException("A declared_stage event names a stage, and only such an event does.", nameof(declaredStage));
        }

        VisitorId = visitorId;
        Timestamp = timestamp;
        Type = type;
        Content = string.IsNullOrEmpty(content) ? null : content;
        DeclaredStage = declaredStage;
    }

    /// <summary>The visitor's id (an anonymous cookie id or a lead id).</summary>
    public string VisitorId { get; }

    /// <summary>When the event happened.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>What happened.</summary>
    public JourneyEventType Type { get; }

    /// <summary>The content id or slug, or null.</summary>
    public string? Content { get; }

    /// <summary>The stage key declared by a <see cref="JourneyEventType.DeclaredStage"/> event; otherwise null.</summary>
    public string? DeclaredStage { get; }
}
