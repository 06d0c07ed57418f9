using Microsoft.Extensions.Localization;

// The site's resx files sit in Resources/, as the module's do: the resource location is the assembly's, not a global option.
[assembly: ResourceLocation("Resources")]

namespace JourneyContent.Site.BackOffice.Localization;

/// <summary>
/// The marker type of the back office's texts (<c>Resources/BackOffice/Localization/BackOfficeStrings.resx</c>, English, and one
/// <c>BackOfficeStrings.xx.resx</c> per other language), read as <c>IStringLocalizer&lt;BackOfficeStrings&gt;</c>.
/// </summary>
/// <remarks>
/// The catalogue lives with the standalone host rather than in the package's SharedStrings because the package does not
/// ship this back office: Umbraco sites never load these words. The folder follows the type's namespace, which is how
/// the localizer finds the file.
/// </remarks>
public sealed class BackOfficeStrings
{
    private BackOfficeStrings()
    {
    }
}
