namespace JourneyContent.Stages;

/// <summary>One stage of the buyer's journey, such as awareness or decision.</summary>
/// <remarks>
/// Stages are ordered: <see cref="Order"/> is the zero-based position in the configured funnel, and a move to a
/// higher order is a move forward. <see cref="Key"/> is stable and is what content, events and reports store;
/// labels and descriptions may be renamed at any time without touching stored data.
/// </remarks>
public sealed class Stage : IEquatable<Stage>
{
    internal Stage(string key, int order, LocalizedText label, LocalizedText description, string color, LocalizedText? projectAnswer = null)
    {
        Key = key;
        Order = order;
        Label = label;
        Description = description;
        Color = color;
        ProjectAnswer = projectAnswer ?? new LocalizedText([]);
    }

    /// <summary>The stable key, lower-case letters, digits and hyphens (for example <c>consideration</c>).</summary>
    public string Key { get; }

    /// <summary>The zero-based position in the funnel.</summary>
    public int Order { get; }

    /// <summary>The name shown to people, per language.</summary>
    public LocalizedText Label { get; }

    /// <summary>What the stage means for the buyer, per language.</summary>
    public LocalizedText Description { get; }

    /// <summary>
    /// How a buyer in this stage answers "Where are you in your project?" in a form ("Just exploring"), per language;
    /// empty when visitors are not offered the stage as an answer (see <see cref="StageModel.DeclarableStages"/>).
    /// </summary>
    public LocalizedText ProjectAnswer { get; }

    /// <summary>The form's answer for this stage in <paramref name="language"/>, or its description when it has none.</summary>
    public string AnswerText(string language) =>
        ProjectAnswer.IsEmpty ? Description.Get(language) : ProjectAnswer.Get(language, Description.Get(language));

    /// <summary>A CSS colour used for the stage in badges and charts.</summary>
    public string Color { get; }

    /// <inheritdoc />
    public bool Equals(Stage? other) => other is not null && string.Equals(Key, other.Key, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Stage);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    /// <inheritdoc />
    public override string ToString() => Key;
}
