using System.Net;
using System.Net.Sockets;

namespace JourneyContent.Testing;

/// <summary>Loopback ports for servers the tests start, and for ones they expect to find closed.</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on now: bound by the system, then released.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
