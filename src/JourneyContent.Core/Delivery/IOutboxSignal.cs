namespace JourneyContent.Delivery;

/// <summary>Told that messages were put in the outbox, so that the worker delivers them at once instead of at its next poll.</summary>
public interface IOutboxSignal
{
    /// <summary>Messages are waiting. Cheap, never blocks.</summary>
    void MessagesQueued();
}
