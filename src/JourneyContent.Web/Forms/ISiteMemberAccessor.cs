using Microsoft.AspNetCore.Http;

namespace JourneyContent.Web.Forms;

/// <summary>Who the visitor is on the site's own member system, so that a lead is linked to the member who became it.</summary>
/// <remarks>The standalone site has no members; the Umbraco package answers with the signed-in Umbraco member's key.</remarks>
public interface ISiteMemberAccessor
{
    /// <summary>The signed-in member's stable key, or null for an anonymous visitor.</summary>
    ValueTask<string?> CurrentMemberKeyAsync(HttpContext context);
}

/// <summary>The default: a site without members.</summary>
internal sealed class NoSiteMembers : ISiteMemberAccessor
{
    public ValueTask<string?> CurrentMemberKeyAsync(HttpContext context) => ValueTask.FromResult<string?>(null);
}
