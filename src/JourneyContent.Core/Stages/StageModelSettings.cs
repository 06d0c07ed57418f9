namespace JourneyContent.Stages;

/// <summary>The configurable shape of the stage model, bound from the <c>JourneyContent</c> configuration section.</summary>
/// <remarks>
/// <para><see cref="Stages"/> replaces the built-in funnel as a whole when it is given (a site may rename, reorder,
/// remove or add stages); when it is null the five built-in stages apply.</para>
/// <para><see cref="ContentKinds"/> is merged over the built-in kinds by key: a site overrides a kind's default
/// stage or adds a kind without restating the others.</para>
/// </remarks>
public sealed class StageModelSettings
{
    /// <summary>The funnel, in order; null for the built-in one.</summary>
    public IList<StageSettings>? Stages { get; set; }

    /// <summary>Content kinds to add or override, by key.</summary>
    public IDictionary<string, ContentKindSettings> ContentKinds { get; set; } =
        new Dictionary<string, ContentKindSettings>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One configured stage.</summary>
public sealed class StageSettings
{
    /// <summary>The stable key, lower-case letters, digits and hyphens.</summary>
    public string? Key { get; set; }

    /// <summary>Label per language (<c>en</c>, <c>fr</c>…).</summary>
    public IDictionary<string, string> Label { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Description per language.</summary>
    public IDictionary<string, string> Description { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The buyer's own words for this stage in the form's "Where are you in your project?" question, per language (for
    /// example <c>Just exploring</c>). A built-in key keeps the built-in answers when omitted; once any stage has an
    /// answer, stages without one are not offered.
    /// </summary>
    public IDictionary<string, string> ProjectAnswer { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A CSS colour; a palette colour is used when omitted.</summary>
    public string? Color { get; set; }
}

/// <summary>One configured content kind.</summary>
public sealed class ContentKindSettings
{
    /// <summary>The key of the stage this kind serves by default.</summary>
    public string? DefaultStage { get; set; }

    /// <summary>Label per language.</summary>
    public IDictionary<string, string> Label { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether content of this kind is a call to action; null keeps the built-in value (false for new kinds).</summary>
    public bool? IsCallToAction { get; set; }
}
