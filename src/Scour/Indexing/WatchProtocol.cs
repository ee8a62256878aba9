using System.Net.Sockets;
using System.Text;

namespace Scour.Indexing;

/// <summary>
/// How a search asks a running <c>scour index --watch</c> what changed, over a Unix socket in the
/// index's folder. The search sends <c>sync GENERATION\n</c> (the table it read); the watcher reads
/// every queued file-system event first, then answers <c>fresh\n</c> followed by the paths changed
/// since that table was built, each as <c>/</c> and the path relative to the root (<c>/</c> alone is
/// the root) ending in NUL, where a path ending in <c>/</c> stands for its whole subtree; or
/// <c>unknown\n</c> when it cannot tell (another generation, or events were lost).
/// </summary>
internal static class WatchProtocol
{
    public const string SocketName = "watch.sock";

    /// <summary>How long a search waits for the watcher before checking the tree itself.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>The paths changed since <paramref name="generation"/>'s build, or null when no watcher answers for it.</summary>
    public static HashSet<string>? Ask(string folder, long generation)
    {
        var path = Path.Join(folder, SocketName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.ReceiveTimeout = socket.SendTimeout = (int)Timeout.TotalMilliseconds;
            socket.Connect(new UnixDomainSocketEndPoint(path));
            socket.Send(Encoding.ASCII.GetBytes($"sync {generation}\n"));
            using var reply = new MemoryStream();
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = socket.Receive(buffer)) > 0)
            {
                reply.Write(buffer, 0, n);
            }

            var bytes = reply.GetBuffer().AsSpan(0, (int)reply.Length);
            if (!bytes.StartsWith("fresh\n"u8))
            {
                return null;
            }

            var paths = new HashSet<string>(StringComparer.Ordinal);
            foreach (var range in bytes[6..].Split((byte)0))
            {
                var item = bytes[6..][range];
                if (item.Length > 0)
                {
                    paths.Add(item[0] == '/' ? Walking.FileNameEncoding.Decode(item[1..]) : throw new IOException("malformed answer from the watcher"));
                }
            }

            return paths;
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            return null; // no watcher (a socket left by one that was killed), or it did not answer in time
        }
    }

    /// <summary>The answer for <paramref name="paths"/>.</summary>
    public static byte[] Fresh(IEnumerable<string> paths)
    {
        using var reply = new MemoryStream();
        reply.Write("fresh\n"u8);
        foreach (var p in paths)
        {
            reply.WriteByte((byte)'/');
            reply.Write(Walking.FileNameEncoding.GetBytes(p));
            reply.WriteByte(0);
        }

        return reply.ToArray();
    }

    public static ReadOnlySpan<byte> Unknown => "unknown\n"u8;
}
