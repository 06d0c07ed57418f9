using JourneyContent.Editing;
using JourneyContent.Stages;
using Microsoft.AspNetCore.Http;

namespace JourneyContent.Web.Recommendations;

/// <summary>The back-office switch that lets staff see pages as a visitor of a chosen stage.</summary>
/// <remarks>
/// The stage lives in a cookie that counts only for a signed-in editor, marketer or admin, so a visitor who forges it
/// gets nothing. While a preview is on, nothing is tracked for that browser: the editor's own visitor profile is untouched.
/// </remarks>
public static class JourneyPreview
{
    /// <summary>The cookie holding the previewed stage key.</summary>
    public const string CookieName = "journey-preview-stage";

    /// <summary>The previewed stage, or null when no preview is on (or the user is not staff).</summary>
    public static Stage? StageOf(HttpContext context, StageModel stages)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stages);
        return IsStaff(context) && context.Request.Cookies[CookieName] is { } key ? stages.FindStage(key) : null;
    }

    /// <summary>True for a signed-in editor, marketer or admin, who may see why items were chosen.</summary>
    public static bool IsStaff(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        return user.Identity?.IsAuthenticated == true
            && (user.IsInRole(JourneyRoles.Editor) || user.IsInRole(JourneyRoles.Marketer) || user.IsInRole(JourneyRoles.Admin));
    }

    /// <summary>True when the cookie asks for a preview; the tracker then records nothing, whoever sent it.</summary>
    internal static bool IsRequested(HttpRequest request) => request.Cookies.ContainsKey(CookieName);
}
