using System.Text.RegularExpressions;

namespace JourneyContent.Web.Tests.Localization;

/// <summary>The views write no sentence of their own: every word comes from a text catalogue (or from content), for visitors and for the back office.</summary>
public sealed partial class ViewTextTests
{
    // Names, not sentences: the demo's brand, and the honeypot's label, which only robots read (the field is hidden from people).
    // The product's name, which the back office shows as a brand.
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { "Sillage", "Website", "JourneyContent" };

    /// <summary>The module's public views, the themes' views and the standalone back office's views (Views/JourneyAdmin).</summary>
    public static TheoryData<string> Views()
    {
        var data = new TheoryData<string>();
        foreach (var view in ViewPaths())
        {
            data.Add(view);
        }

        return data;
    }

    private static List<string> ViewPaths()
    {
        var root = RepositoryFolder.Root;
        var views = new List<string>();
        var folders = new[] { Path.Combine(root, "src", "JourneyContent.Web", "Views"), Path.Combine(root, "themes"), Path.Combine(root, "src", "JourneyContent.Site", "Views") };
        foreach (var file in folders.SelectMany(f => Directory.GetFiles(f, "*.cshtml", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
        {
            views.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }

        return views;
    }

    [Fact]
    public void The_pages_visitors_reach_after_a_form_are_among_the_views_checked()
    {
        var views = ViewPaths();

        Assert.Contains("src/JourneyContent.Web/Views/GatedForms/ThankYou.cshtml", views);
        Assert.Contains("src/JourneyContent.Web/Views/GatedForms/LinkProblem.cshtml", views);
        Assert.Contains("themes/default/Views/Errors/Error.cshtml", views);
        Assert.Contains("themes/default/Views/Shared/_Layout.cshtml", views);
        Assert.Contains("src/JourneyContent.Site/Views/JourneyAdmin/_AdminLayout.cshtml", views);
        Assert.Contains("src/JourneyContent.Site/Views/JourneyAdmin/SignIn.cshtml", views);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void A_view_has_no_hard_coded_words_in_its_text_or_its_read_aloud_attributes(string view)
    {
        var source = File.ReadAllText(Path.Combine(RepositoryFolder.Root, view));
        source = Comment().Replace(source, "");
        source = ScriptOrStyle().Replace(source, "");
        // Text between two tags on one line, and the attributes people read or hear; Razor expressions in them are not words.
        var texts = TextNode().Matches(source).Select(m => m.Groups[1].Value)
            .Concat(ReadAttribute().Matches(source).Select(m => m.Groups[1].Value));
        var words = texts.SelectMany(t => Word().Matches(Expression().Replace(t, " ")).Select(m => m.Value))
            .Where(w => !Allowed.Contains(w))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.True(words.Count == 0, $"{view} writes words outside the catalogue: {string.Join(", ", words)}");
    }

    [Theory]
    [InlineData("<p>Thank you!</p>", "Thank")]
    [InlineData("<button aria-label=\"Close the banner\">", "Close")]
    [InlineData("<h1>@T[\"ThankYouTitle\"] again</h1>", "again")]
    public void The_check_sees_words_in_text_and_attributes(string line, string word)
    {
        var texts = TextNode().Matches(line).Select(m => m.Groups[1].Value).Concat(ReadAttribute().Matches(line).Select(m => m.Groups[1].Value));

        Assert.Contains(word, texts.SelectMany(t => Word().Matches(Expression().Replace(t, " ")).Select(m => m.Value)));
    }

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@">([^<>\n]*)<")]
    private static partial Regex TextNode();

    [GeneratedRegex("(?:aria-label|placeholder|title|alt)=\"([^\"]*)\"")]
    private static partial Regex ReadAttribute();

    // @(…), @if (…) {, and @a.b?.c[…](…) chains.
    [GeneratedRegex(@"@(?:(?:if|foreach|for|while|switch|using)\s*\((?:[^()]|\([^()]*\))*\)\s*\{?|\((?:[^()]|\([^()]*\))*\)|[A-Za-z_][\w.?!]*(?:\[[^\]]*\]|\((?:[^()]|\([^()]*\))*\))*)")]
    private static partial Regex Expression();

    [GeneratedRegex(@"[^\W\d_]{2,}")]
    private static partial Regex Word();
}
