using System.Net;

namespace PrivacyAssistant.BotFramework.Hosting;

/// <summary>Decides whether listen URLs and connection addresses are loopback-only.</summary>
public static class LoopbackAddress
{
    /// <summary>True for a loopback IP (IPv4, IPv6, or IPv4 mapped to IPv6).</summary>
    public static bool IsLoopback(IPAddress address) =>
        IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>
    /// True when a server listening on <paramref name="url"/> is reachable from this machine only:
    /// <c>localhost</c> or a loopback IP. Wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) and host names are not.
    /// </summary>
    public static bool IsLoopbackUrl(string url)
    {
        var trimmed = url.Trim();
        var schemeEnd = trimmed.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return false;
        }

        var authority = trimmed[(schemeEnd + 3)..];
        var slash = authority.IndexOf('/');
        if (slash >= 0)
        {
            authority = authority[..slash];
        }

        string host;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = authority[1..close];
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon >= 0 ? authority[..colon] : authority;
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var address) && IsLoopback(address);
    }
}
