using System.Runtime.InteropServices;

namespace Scour.Cli;

/// <summary>
/// Standard output written with <c>write(2)</c>. <see cref="FileStream"/> on fd 1 uses <c>pwrite</c> at
/// its own offset when stdout is a regular file, so it neither appends after what others wrote to the
/// same file nor advances the shared offset; <see cref="Console.Out"/> hides a closed pipe. This
/// stream does neither: a closed pipe throws <see cref="IOException"/>.
/// </summary>
internal sealed partial class StdoutStream : WriteOnlyStream
{
    private const int EINTR = 4;
    private const int EAGAIN = 11;

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
                var n = Write(1, p, left);
                if (n < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno is EINTR or EAGAIN)
                    {
                        continue;
                    }

                    throw new IOException(errno == 32 ? "Broken pipe" : $"write to standard output failed (os error {errno})", errno);
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
