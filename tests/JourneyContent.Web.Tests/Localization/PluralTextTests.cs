using JourneyContent.Web.Localization;

namespace JourneyContent.Web.Tests.Localization;

/// <summary>Counted texts take the form of their count in the page's language.</summary>
public sealed class PluralTextTests
{
    [Theory]
    [InlineData(1, "en", "FormHasErrors.One")]
    [InlineData(2, "en", "FormHasErrors.Other")]
    [InlineData(0, "en", "FormHasErrors.Other")]
    [InlineData(1, "de", "FormHasErrors.One")]
    [InlineData(0, "fr", "FormHasErrors.One")]
    [InlineData(1, "fr", "FormHasErrors.One")]
    [InlineData(2, "fr", "FormHasErrors.Other")]
    [InlineData(1, "nl", "FormHasErrors.One")]
    public void The_count_chooses_the_form_by_the_languages_rule(long count, string language, string key) =>
        Assert.Equal(key, PluralText.Key("FormHasErrors", count, language));
}
