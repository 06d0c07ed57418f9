using JourneyContent.Web.Localization;

namespace JourneyContent.Mail.Tests;

/// <summary>The module's real text catalogue (the resx files), so mail tests check the words visitors get.</summary>
internal static class TestTexts
{
    public static ITextCatalog Catalog { get; } = new ResxTextCatalog();
}
