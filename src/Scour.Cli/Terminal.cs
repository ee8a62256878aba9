using Microsoft.Win32.SafeHandles;

namespace Scour.Cli;

/// <summary>What the process is connected to: terminals, pipes, and the raw standard streams.</summary>
internal static class Terminal
{
    /// <summary>True if standard output is a terminal.</summary>
    public static bool StdoutIsTerminal => !Console.IsOutputRedirected;

    /// <summary>
    /// ripgrep's rule for searching standard input when no path is given: only if it is a file, a pipe
    /// or a socket. A terminal, <c>/dev/null</c> or another device means "search the current directory".
    /// </summary>
    public static bool StdinIsReadable()
    {
        if (!Console.IsInputRedirected)
        {
            return false;
        }

        if (!OperatingSystem.IsLinux())
        {
            return true;
        }

        try
        {
            // The link's raw text: "pipe:[N]", "socket:[N]", or the path of a file or device.
            var target = new FileInfo("/proc/self/fd/0").LinkTarget;
            if (target is null)
            {
                return true;
            }

            if (target.StartsWith("pipe:", StringComparison.Ordinal) || target.StartsWith("socket:", StringComparison.Ordinal))
            {
                return true;
            }

            return !target.StartsWith("/dev/", StringComparison.Ordinal) && File.Exists(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>Standard output as an unbuffered stream that reports a closed pipe (Console.Out hides it).</summary>
    public static Stream OpenStdout() =>
        OperatingSystem.IsWindows() ? Console.OpenStandardOutput() : new DescriptorStream(1);

    /// <summary>Standard input as a raw stream.</summary>
    public static Stream OpenStdin() => new FileStream(new SafeFileHandle(0, ownsHandle: false), FileAccess.Read, 1);
}
