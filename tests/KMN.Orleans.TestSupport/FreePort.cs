using System.Net;
using System.Net.Sockets;

namespace KMN.Orleans.TestSupport;

/// <summary>Asks the kernel for a free loopback port (tests run side by side and must not collide).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
