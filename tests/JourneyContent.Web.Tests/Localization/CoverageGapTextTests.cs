using JourneyContent.Coverage;
using JourneyContent.Stages;
using JourneyContent.Web.Localization;

namespace JourneyContent.Web.Tests.Localization;

public sealed class CoverageGapTextTests
{
    private static readonly ResxTextCatalog Texts = new();

    public static TheoryData<string, string, string?, string, string> Gaps => new()
    {
        // code, stage, gap language, reader's language, words
        { CoverageGapCodes.StageMissingLanguage, "decision", "fr", "en", "The Decision stage has nothing in French." },
        { CoverageGapCodes.StageMissingLanguage, "decision", "fr", "fr", "L'étape Décision n'a aucun contenu en français." },
        { CoverageGapCodes.StageMissingLanguage, "decision", "fr", "de", "Die Phase Entscheidung hat keine Inhalte auf Französisch." },
        { CoverageGapCodes.StageWithoutCallToAction, "awareness", "en", "en", "The Awareness stage has no call to action in English." },
        { CoverageGapCodes.StageWithoutCallToAction, "awareness", "fr", "fr", "L'étape Découverte n'a aucun appel à l'action en français." },
        { CoverageGapCodes.StageWithoutCallToAction, "awareness", null, "en", "The Awareness stage has no call to action." },
        { CoverageGapCodes.StageEmpty, "loyalty", null, "en", "The Loyalty stage has no content." },
        { CoverageGapCodes.StageEmpty, "loyalty", null, "fr", "L'étape Fidélisation n'a aucun contenu." },
        { CoverageGapCodes.StageEmpty, "loyalty", null, "de", "Die Phase Kundenbindung hat keine Inhalte." },
        { CoverageGapCodes.StageMissingLanguage, "decision", "sv", "en", "The Decision stage has nothing in 'sv'." },
        { CoverageGapCodes.StageMissingLanguage, "decision", "sv", "fr", "L'étape Décision n'a aucun contenu en «\u00A0sv\u00A0»." },
    };

    [Theory]
    [MemberData(nameof(Gaps))]
    public void A_gap_is_put_into_the_readers_language_naming_the_stage_by_its_label_there(string code, string stage, string? language, string reader, string words)
    {
        var gap = new CoverageGap(code, StageModel.Default.FindStage(stage)!, language, null);

        Assert.Equal(words, Texts.Describe(gap, reader));
    }
}
