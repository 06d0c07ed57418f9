using System.Security.Claims;

namespace JourneyContent.Site.BackOffice.Authentication;

/// <summary>How the back office names the signed-in user in audits: the account's email.</summary>
internal static class BackOfficeUser
{
    /// <summary>The user's email, else their name, else <c>unknown</c>.</summary>
    public static string NameOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "unknown";
}
