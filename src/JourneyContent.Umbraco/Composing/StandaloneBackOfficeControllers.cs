using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace JourneyContent.Umbraco.Composing;

/// <summary>Leaves out the standalone site's back office (its own sign-in and accounts) on an Umbraco site, whose back office is Umbraco's.</summary>
/// <remarks>The shared web library holds both; without this, Umbraco's attribute routing would expose <c>/journey/admin</c> with no sign-in scheme behind it.</remarks>
internal sealed class StandaloneBackOfficeControllers : IApplicationFeatureProvider<ControllerFeature>
{
    private const string StandaloneNamespace = "JourneyContent.Web.BackOffice";

    public void PopulateFeature(IEnumerable<ApplicationPart> parts, ControllerFeature feature)
    {
        foreach (var controller in feature.Controllers.Where(IsStandaloneBackOffice).ToList())
        {
            feature.Controllers.Remove(controller);
        }
    }

    private static bool IsStandaloneBackOffice(TypeInfo controller) =>
        controller.Namespace is { } name && (name == StandaloneNamespace || name.StartsWith(StandaloneNamespace + ".", StringComparison.Ordinal));
}
