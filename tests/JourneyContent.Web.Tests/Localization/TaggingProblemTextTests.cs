using System.Reflection;
using JourneyContent.Tagging;
using JourneyContent.Web.Localization;

namespace JourneyContent.Web.Tests.Localization;

public sealed class TaggingProblemTextTests
{
    public static TheoryData<string, string> CodesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var code in typeof(TaggingProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!))
        {
            foreach (var language in new[] { "en", "fr", "de" })
            {
                data.Add(code, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CodesAndLanguages))]
    public void Every_tagging_problem_has_a_text_in_every_catalogue_language(string code, string language)
    {
        var catalog = new ResxTextCatalog();

        Assert.True(catalog.TryGet("Tagging." + code, language, out var text), $"Tagging.{code} has no text");
        Assert.Equal(language, catalog.Resolve(language));
        // A resx lookup falls back to English silently, so a missing translation would still "have a text".
        if (language != "en")
        {
            Assert.NotEqual(catalog.Get("Tagging." + code, "en"), text);
        }
    }

    [Fact]
    public void A_problem_is_put_into_words_with_its_arguments_in_the_language_asked_for()
    {
        var catalog = new ResxTextCatalog();
        var problem = new TaggingProblem(TaggingProblemCodes.Conflict, "Pricing");

        Assert.StartsWith("“Pricing” was changed by someone else", catalog.Describe(problem, "en"), StringComparison.Ordinal);
        Assert.StartsWith("« Pricing » a été modifié", catalog.Describe(problem, "fr"), StringComparison.Ordinal);
        Assert.StartsWith("„Pricing“ wurde von jemand anderem geändert", catalog.Describe(problem, "de"), StringComparison.Ordinal);
        Assert.Equal("Unknown stage 'nirvana'.", catalog.Describe(new TaggingProblem(TaggingProblemCodes.UnknownStage, "nirvana"), "it"));
    }
}
