using System.Security.Claims;
using JourneyContent.Editing;
using JourneyContent.Site.BackOffice;
using JourneyContent.Site.BackOffice.Authentication;
using JourneyContent.Site.BackOffice.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the back office: cookie sign-in, roles and policies, account services.</summary>
public static class BackOfficeServiceCollectionExtensions
{
    /// <summary>
    /// Adds back-office authentication (an HttpOnly, SameSite=Strict cookie checked against the account's security stamp on
    /// every request), the role policies, account services and the per-address sign-in throttle
    /// (<see cref="SignInThrottleOptions.SectionName"/>).
    /// Needs an <see cref="IEditorAccountStore"/> (for example from <c>AddJourneyContentSqlite</c>). Safe to call twice.
    /// </summary>
    public static IServiceCollection AddJourneyContentBackOffice(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(BackOfficeSignIn)))
        {
            return services;
        }

        services.AddSingleton<BackOfficeSignIn>();
        services.AddSingleton<BackOfficeAccounts>();
        services.AddSingleton<SignInThrottle>();
        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.SectionName)
            .Validate(o => o.PerIpLimit >= 1 && o.Window > TimeSpan.Zero, $"{SignInThrottleOptions.SectionName}:PerIpLimit and Window must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<IPasswordHasher<EditorAccount>, PasswordHasher<EditorAccount>>();
        services.TryAddSingleton(new SignInLockoutPolicy());
        services.AddHostedService<AdminBootstrap>();
        services.TryAddSingleton<JourneyContent.Tagging.ContentTagging>();
        services.TryAddSingleton<JourneyContent.Web.Suggestions.StageSuggestions>();
        services.TryAddSingleton<JourneyContent.Site.BackOffice.Inventory.BulkUndoLog>();
        services.AddJourneyContentReports();
        services.AddSingleton<IPostConfigureOptions<RequestLocalizationOptions>, ConfigureBackOfficeCulture>();

        services.AddAuthentication(BackOfficeRoutes.Scheme)
            .AddCookie(BackOfficeRoutes.Scheme, options =>
            {
                options.Cookie.Name = ".JourneyContent.BackOffice";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = BackOfficeRoutes.SignIn;
                options.AccessDeniedPath = BackOfficeRoutes.Denied;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events = new CookieAuthenticationEvents
                {
                    // JSON endpoints answer with a status code; a redirect to an HTML page would only confuse scripts.
                    OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden),
                    OnValidatePrincipal = ValidateSecurityStamp,
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(BackOfficePolicies.Editors, p => p.RequireRole(JourneyRoles.Editor, JourneyRoles.Admin))
            .AddPolicy(BackOfficePolicies.Marketers, p => p.RequireRole(JourneyRoles.Marketer, JourneyRoles.Admin))
            .AddPolicy(BackOfficePolicies.Staff, p => p.RequireRole(JourneyRoles.Editor, JourneyRoles.Marketer, JourneyRoles.Admin))
            .AddPolicy(BackOfficePolicies.Admins, p => p.RequireRole(JourneyRoles.Admin));
        return services;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments(BackOfficeRoutes.Api) || context.Request.Method != HttpMethods.Get)
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>Signs out a session whose account was deleted or whose password or roles changed since it signed in.</summary>
    private static async Task ValidateSecurityStamp(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(BackOfficeSignIn.SecurityStampClaim);
        var store = context.HttpContext.RequestServices.GetRequiredService<IEditorAccountStore>();
        var account = Guid.TryParse(id, out var guid) ? await store.FindByIdAsync(guid, context.HttpContext.RequestAborted) : null;
        if (account is null || !string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(BackOfficeRoutes.Scheme);
        }
    }
}
