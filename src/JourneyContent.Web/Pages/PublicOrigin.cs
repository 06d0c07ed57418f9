using JourneyContent.Web.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace JourneyContent.Web.Pages;

/// <summary>The site's own absolute address, for links that leave the page: mail links, canonical and hreflang links.</summary>
/// <remarks>
/// <para>The <c>Host</c> header is the client's to choose, so it is trusted only when the site vouches for it:</para>
/// <list type="number">
/// <item><c>JourneyContent:Forms:PublicBaseUrl</c> when set, whatever the request says;</item>
/// <item>else the request's scheme and host when the host is named by <c>AllowedHosts</c> (not <c>*</c>; the host
/// filtering middleware already refused other hosts) or is a loopback name (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>);</item>
/// <item>else none: page links stay relative, and mail links use <c>http://localhost</c> (harmless, and logged once
/// as a warning to set <c>PublicBaseUrl</c>).</item>
/// </list>
/// </remarks>
public sealed class PublicOrigin
{
    private readonly string? _configured;
    private readonly StringSegment[] _allowedHosts;
    private readonly ILogger<PublicOrigin> _logger;
    private int _warned;

    /// <summary>Reads <c>PublicBaseUrl</c> and <c>AllowedHosts</c>.</summary>
    public PublicOrigin(IOptions<GatedFormOptions> options, IConfiguration configuration, ILogger<PublicOrigin> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        _configured = string.IsNullOrEmpty(options.Value.PublicBaseUrl) ? null : options.Value.PublicBaseUrl.TrimEnd('/');
        _allowedHosts = [.. (configuration["AllowedHosts"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(h => h != "*")
            .Select(h => new StringSegment(h))];
        _logger = logger;
    }

    /// <summary>The trusted origin (scheme, host and path base, no trailing slash), or null when the request's host is not trusted.</summary>
    public string? Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_configured is not null)
        {
            return _configured;
        }

        var host = request.Host;
        if (!host.HasValue || !(IsLoopback(host.Host) || HostString.MatchesAny(host.Host, _allowedHosts)))
        {
            return null;
        }

        return $"{request.Scheme}://{host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
    }

    /// <summary>The origin for links that must be absolute (mails): <see cref="Of"/>, else <c>http://localhost</c>.</summary>
    public string ForLinks(HttpRequest request)
    {
        if (Of(request) is { } origin)
        {
            return origin;
        }

        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            _logger.LogWarning("A mail link was asked for host {Host}, which is not trusted: set JourneyContent:Forms:PublicBaseUrl (or AllowedHosts). Links use http://localhost meanwhile.", request.Host.Value);
        }

        return "http://localhost" + request.PathBase.ToUriComponent();
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host is "127.0.0.1" or "[::1]";
}
