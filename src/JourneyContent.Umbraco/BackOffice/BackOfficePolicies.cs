using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models.Membership;
using Umbraco.Cms.Core.Services;

namespace JourneyContent.Umbraco.BackOffice;

/// <summary>The package's authorization policies for back-office users.</summary>
/// <remarks>
/// Umbraco's own policy names live in Umbraco.Cms.Api.Management, which the package does not reference, and Umbraco 17
/// no longer puts sections in claims. So the token only says who the user is (its <c>sub</c> claim is the user's key),
/// and the user's sections and groups are read from <see cref="IUserService"/>, as Umbraco itself now does.
/// </remarks>
public static class BackOfficePolicies
{
    /// <summary>Back-office users who may open <see cref="UmbracoBackOfficeOptions.EditorSection"/>: they tag content.</summary>
    public const string Editors = "JourneyContent.Umbraco.Editors";

    /// <summary>Back-office users in one of <see cref="UmbracoBackOfficeOptions.EffectiveReportGroups"/>: they read the reports and the leads, and lock stages.</summary>
    public const string Marketers = "JourneyContent.Umbraco.Marketers";

    /// <summary>Back-office users in one of <see cref="UmbracoBackOfficeOptions.EffectivePrivacyGroups"/>: they export and erase leads.</summary>
    public const string Privacy = "JourneyContent.Umbraco.Privacy";

    /// <summary>Any approved back-office user who is not locked out.</summary>
    public const string BackOfficeUsers = "JourneyContent.Umbraco.BackOfficeUsers";

    /// <summary>The name the privacy audit records for the signed-in user: the email, else the name, else the key.</summary>
    internal static async Task<string> NameOfAsync(System.Security.Claims.ClaimsPrincipal principal, IUserService users)
    {
        var subject = principal.FindFirst(Constants.Security.OpenIdDictSubClaimType)?.Value;
        var user = Guid.TryParse(subject, out var key) ? await users.GetAsync(key).ConfigureAwait(false) : null;
        return user switch
        {
            { Email: { Length: > 0 } email } => email,
            { Name: { Length: > 0 } name } => name,
            _ => subject ?? "unknown",
        };
    }

    /// <summary>Builds the policies from the options when authorization first asks for them.</summary>
    internal sealed class Setup(IOptions<UmbracoBackOfficeOptions> options) : IConfigureOptions<AuthorizationOptions>
    {
        public void Configure(AuthorizationOptions authorization)
        {
            var settings = options.Value;
            authorization.AddPolicy(Editors, policy => policy
                .AddAuthenticationSchemes(settings.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new BackOfficeUserRequirement(user => user.AllowedSections.Contains(settings.EditorSection, StringComparer.OrdinalIgnoreCase))));
            authorization.AddPolicy(Marketers, policy => policy
                .AddAuthenticationSchemes(settings.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new BackOfficeUserRequirement(user => user.Groups.Any(g => settings.EffectiveReportGroups.Contains(g.Alias, StringComparer.OrdinalIgnoreCase)))));
            authorization.AddPolicy(Privacy, policy => policy
                .AddAuthenticationSchemes(settings.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new BackOfficeUserRequirement(user => user.Groups.Any(g => settings.EffectivePrivacyGroups.Contains(g.Alias, StringComparer.OrdinalIgnoreCase)))));
            authorization.AddPolicy(BackOfficeUsers, policy => policy
                .AddAuthenticationSchemes(settings.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new BackOfficeUserRequirement(_ => true)));
        }
    }

    /// <summary>A condition on the signed-in back-office user, who must also be approved and not locked out.</summary>
    internal sealed record BackOfficeUserRequirement(Func<IUser, bool> Allows) : IAuthorizationRequirement;

    internal sealed class BackOfficeUserHandler(IUserService users) : AuthorizationHandler<BackOfficeUserRequirement>
    {
        protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, BackOfficeUserRequirement requirement)
        {
            var subject = context.User.FindFirst(Constants.Security.OpenIdDictSubClaimType)?.Value;
            if (Guid.TryParse(subject, out var key) && await users.GetAsync(key).ConfigureAwait(false) is { IsApproved: true, IsLockedOut: false } user
                && requirement.Allows(user))
            {
                context.Succeed(requirement);
            }
        }
    }
}
