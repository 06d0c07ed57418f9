namespace JourneyContent.Web;

/// <summary>The marker type of the module's UI strings (<c>Resources/SharedStrings.resx</c> and its French twin), used as <c>IStringLocalizer&lt;SharedStrings&gt;</c>.</summary>
public sealed class SharedStrings
{
    private SharedStrings()
    {
    }
}
