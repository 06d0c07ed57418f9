using JourneyContent.Tracking;

namespace JourneyContent.Inference;

/// <summary>One event as a latent-stage model sees it: when, what, on which catalogue item, and any declared stage.</summary>
/// <param name="Ticks">The event's UTC ticks.</param>
/// <param name="Type">What happened.</param>
/// <param name="Item">The catalogue index of the content, or -1 (no content, or content the catalogue does not know).</param>
/// <param name="Declared">The declared stage index of a <see cref="JourneyEventType.DeclaredStage"/> event, otherwise -1.</param>
/// <param name="Group">For content the catalogue does not know (<paramref name="Item"/> = -1), its (tagged stage, kind) group if known, otherwise -1; ignored when the item is known.</param>
public readonly record struct LatentObservation(long Ticks, JourneyEventType Type, int Item = -1, int Declared = -1, int Group = -1);
