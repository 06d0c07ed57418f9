using System.Globalization;
using System.Security.Claims;
using JourneyContent.Web.Forms;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Umbraco.Cms.Core.Services;

namespace JourneyContent.Umbraco.Members;

/// <summary>The signed-in Umbraco member's key, so that a member who fills a gated form becomes a lead linked to their member record.</summary>
/// <remarks>
/// Umbraco signs members in with ASP.NET Core Identity's application cookie; the member's id is its name identifier.
/// When a request's principal is not the member's (an endpoint with another default scheme), the cookie is read explicitly.
/// </remarks>
internal sealed class UmbracoMemberAccessor(IMemberService members, IAuthenticationSchemeProvider schemes) : ISiteMemberAccessor
{
    /// <summary>The scheme of Umbraco's member sign-in cookie.</summary>
    internal static readonly string MemberScheme = IdentityConstants.ApplicationScheme;

    public async ValueTask<string?> CurrentMemberKeyAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var identity = context.User.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == MemberScheme);
        if (identity is null && await schemes.GetSchemeAsync(MemberScheme) is not null)
        {
            var result = await context.AuthenticateAsync(MemberScheme);
            identity = result.Succeeded ? result.Principal?.Identities.FirstOrDefault(i => i.IsAuthenticated) : null;
        }

        return identity is null ? null : KeyOf(identity);
    }

    private string? KeyOf(ClaimsIdentity identity)
    {
        var id = identity.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (Guid.TryParse(id, out var key))
        {
            return key.ToString("D");
        }

        var member = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? members.GetById(number)
            : identity.Name is { Length: > 0 } name ? members.GetByUsername(name) : null;
        return member?.Key.ToString("D");
    }
}
