namespace JourneyContent.Core.Tests.Stages;

public sealed class LocalizedTextTests
{
    [Fact]
    public void Blank_values_are_ignored_and_the_fallback_is_used()
    {
        var text = new LocalizedText([new("en", "  "), new("fr", "Bonjour")]);

        Assert.Equal("Bonjour", text.Get("en"));
        Assert.Equal("default", new LocalizedText([]).Get("fr", "default"));
    }

    [Fact]
    public void Languages_are_matched_without_regard_to_case()
    {
        Assert.Equal("Décision", new LocalizedText([new("en", "Decision"), new("fr", "Décision")]).Get("FR"));
    }
}
