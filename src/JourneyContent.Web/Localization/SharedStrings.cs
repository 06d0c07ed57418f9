using Microsoft.Extensions.Localization;

// The module's resx files sit in Resources/ whatever the host's LocalizationOptions.ResourcesPath says.
[assembly: ResourceLocation("Resources")]

namespace JourneyContent.Web;

/// <summary>The marker type of the module's UI strings (<c>Resources/SharedStrings.resx</c> and its French twin), used as <c>IStringLocalizer&lt;SharedStrings&gt;</c>.</summary>
public sealed class SharedStrings
{
    private SharedStrings()
    {
    }
}
