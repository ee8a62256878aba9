using System.Runtime.InteropServices;

namespace Scour.Cli;

/// <summary>
/// Standard output or error written with <c>write(2)</c>. <see cref="FileStream"/> on fd 1 uses
/// <c>pwrite</c> at its own offset when stdout is a regular file, so it neither appends after what
/// others wrote to the same file nor advances the shared offset; <see cref="Console.Out"/> hides a
/// closed pipe, and the first write through <see cref="Console.Error"/> sets up terminal and signal
/// handling (a thread of its own) that a search never needs. This stream does none of that: a closed
/// pipe throws <see cref="IOException"/>.
/// </summary>
internal sealed partial class DescriptorStream(int descriptor) : WriteOnlyStream
{
    private const int EINTR = 4;
    private const int EAGAIN = 11;
    private const int EPIPE = 32;

    /// <summary>The first write that failed, if any.</summary>
    public IOException? Failure { get; private set; }

    /// <summary>True if <paramref name="failure"/> says the reader closed its end of the pipe.</summary>
    public static bool IsClosedPipe(IOException failure) => failure.HResult == EPIPE;

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint Write(int fd, byte* buffer, nint count);

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            var p = start;
            var left = buffer.Length;
            while (left > 0)
            {
                var n = Write(descriptor, p, left);
                if (n < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno is EINTR or EAGAIN)
                    {
                        continue;
                    }

                    var error = new IOException(IoErrorText.FromErrno(errno, "write failed"), errno);
                    Failure ??= error;
                    throw error;
                }

                p += n;
                left -= (int)n;
            }
        }
    }

    public override void Flush()
    {
    }
}
