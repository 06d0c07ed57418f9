namespace JourneyContent.Web.Pages;

/// <summary>Whether an address given by the visitor (a <c>returnUrl</c>) stays on this site.</summary>
/// <remarks>
/// The rule of ASP.NET Core's <c>IUrlHelper.IsLocalUrl</c>, usable where no <c>IUrlHelper</c> exists (minimal APIs,
/// middleware): a path that starts with one <c>/</c> (or <c>~/</c>) not followed by <c>/</c> or <c>\</c>, without
/// control characters. Browsers read <c>/\evil.example</c> as <c>//evil.example</c>, and drop tabs and line breaks,
/// so <c>/&#9;/evil.example</c> is refused too.
/// </remarks>
public static class LocalUrl
{
    /// <summary>True when <paramref name="url"/> is a path on this site.</summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return false;
        }

        var path = url.StartsWith("~/", StringComparison.Ordinal) ? url.AsSpan(1) : url.AsSpan();
        return path.Length > 0 && path[0] == '/'
            && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
            && !path.ContainsAnyInRange('\u0000', '\u001f') && !path.ContainsAnyInRange('\u007f', '\u009f');
    }
}
