using System.Net;
using System.Net.Sockets;
using Orleans.TestingHost;

namespace KMN.Orleans.Tests.Support;

/// <summary>
/// Hands out blocks of consecutive loopback ports for test-cluster silos and gateways. The blocks lie below
/// the kernel's ephemeral range (32768+), where outgoing connections (to PostgreSQL, for instance) and
/// <see cref="KMN.Orleans.TestSupport.FreePort"/> take their ports, so nothing else in the run can grab a
/// port between allocation and bind; blocks are never reused within one test process.
/// </summary>
public sealed class LoopbackPortAllocator : ITestClusterPortAllocator
{
    private const int First = 20_000;
    private const int Last = 32_000;
    private static readonly Lock Gate = new();

    // Start somewhere random so two test processes on one machine rarely probe the same blocks.
    private static int _next = First + Random.Shared.Next(0, 1_000) * 10;

    public (int, int) AllocateConsecutivePortPairs(int numPorts)
    {
        lock (Gate)
            return (TakeBlock(numPorts), TakeBlock(numPorts));
    }

    public void Dispose()
    {
    }

    private static int TakeBlock(int count)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            if (_next + count > Last)
                _next = First;
            var start = _next;
            _next += count;
            if (Enumerable.Range(start, count).All(IsFree))
                return start;
        }
        throw new InvalidOperationException($"No {count} consecutive free loopback ports between {First} and {Last}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
