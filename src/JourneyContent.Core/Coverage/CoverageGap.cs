using JourneyContent.Stages;

namespace JourneyContent.Coverage;

/// <summary>The stable codes of <see cref="CoverageGap"/>s, safe to store and to match in a user interface.</summary>
public static class CoverageGapCodes
{
    /// <summary>A stage has no content at all.</summary>
    public const string StageEmpty = "stage-empty";

    /// <summary>A stage has content, but none in one language.</summary>
    public const string StageMissingLanguage = "stage-missing-language";

    /// <summary>A stage has content (in a language), but no call to action there.</summary>
    public const string StageWithoutCallToAction = "stage-without-call-to-action";
}

/// <summary>A place in the funnel where a visitor finds nothing, or nothing to act on.</summary>
/// <param name="Code">One of <see cref="CoverageGapCodes"/>.</param>
/// <param name="Stage">The stage with the gap.</param>
/// <param name="Language">The language concerned; null when the gap concerns every language.</param>
/// <param name="Kind">The content kind concerned; null when the gap concerns no kind in particular (all current codes).</param>
/// <param name="Message">What is missing, for a marketer, in English and French, naming the stage by its label in each.</param>
public sealed record CoverageGap(string Code, Stage Stage, string? Language, string? Kind, LocalizedText Message);
