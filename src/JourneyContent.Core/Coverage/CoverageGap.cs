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
/// <remarks>A gap carries no words: <see cref="CoverageGapText.Describe"/> puts it into a marketer's language from the text catalogue.</remarks>
public sealed record CoverageGap(string Code, Stage Stage, string? Language, string? Kind);

/// <summary>Puts a <see cref="CoverageGap"/> into words, from the text catalogue.</summary>
/// <remarks>
/// The text's key is <c>CoverageGap.{code}</c>, with <c>.in-language</c> appended when the gap concerns one language;
/// <c>{0}</c> is the stage's label and <c>{1}</c> the language phrase (<c>InLanguage.{code}</c>: "in French",
/// "en français", "auf Französisch"), or <c>InLanguageOther</c> naming the code itself for a language the catalogue cannot name.
/// </remarks>
public static class CoverageGapText
{
    /// <summary>What is missing, for a marketer reading <paramref name="language"/>, naming the stage by its label in that language.</summary>
    public static string Describe(this ITextCatalog texts, CoverageGap gap, string language)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(gap);
        var lang = texts.Resolve(language);
        var culture = texts.Culture(lang);
        var stage = gap.Stage.Label.Get(lang);
        if (gap.Language is null)
        {
            return string.Format(culture, texts.Get("CoverageGap." + gap.Code, lang), stage);
        }

        var inLanguage = texts.TryGet("InLanguage." + gap.Language, lang, out var named)
            ? named
            : string.Format(culture, texts.Get("InLanguageOther", lang), gap.Language);
        return string.Format(culture, texts.Get("CoverageGap." + gap.Code + ".in-language", lang), stage, inLanguage);
    }
}
