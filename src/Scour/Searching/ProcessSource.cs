using System.Diagnostics;
using System.Text;

namespace Scour.Searching;

/// <summary>
/// The standard output of a command run on one file (a <c>--pre</c> preprocessor or an external
/// decompressor), searched as it is produced. At the end of the output, a command that failed makes
/// the read fail with its standard error, as ripgrep's reader does, so a last line without a
/// terminator is not searched; a command still running when the search ends early is killed, not judged.
/// </summary>
internal sealed class ProcessSource : IByteSource, IDisposable
{
    private const int MaxErrorText = 64 * 1024;

    private readonly Process _process;
    private readonly Stream _stdout;
    private readonly StringBuilder _stderr = new();
    private readonly Task _stderrTask;

    private readonly string _failurePrefix;

    private ProcessSource(Process process, string failurePrefix)
    {
        _process = process;
        _failurePrefix = failurePrefix;
        _stdout = process.StandardOutput.BaseStream;
        _stderrTask = Task.Run(() =>
        {
            var buffer = new char[4096];
            int n;
            while ((n = process.StandardError.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (_stderr)
                {
                    if (_stderr.Length < MaxErrorText)
                    {
                        _stderr.Append(buffer, 0, n);
                    }
                }
            }
        });
    }

    /// <summary>The command as rg quotes it in messages: <c>"program" "arg" ...</c>.</summary>
    public static string Describe(IReadOnlyList<string> command) => string.Join(' ', command.Select(a => $"\"{a}\""));

    /// <summary>Starts <paramref name="command"/> (program and arguments); throws <see cref="IOException"/> saying why it could not start.</summary>
    public static ProcessSource Start(IReadOnlyList<string> command, string failurePrefix)
    {
        var psi = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            psi.ArgumentList.Add(argument);
        }

        try
        {
            var process = Process.Start(psi) ?? throw new IOException($"could not start: '{Describe(command)}'");
            process.StandardInput.Close();
            return new ProcessSource(process, failurePrefix);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new IOException($"preprocessor command could not start: '{Describe(command)}': {IoErrorText.FromErrno(e.NativeErrorCode, e.Message)}", e);
        }
    }

    public int Read(Span<byte> destination)
    {
        var n = _stdout.Read(destination);
        if (n == 0 && PrefixedFailure() is { } failure)
        {
            throw new IOException(failure);
        }

        return n;
    }

    /// <summary>
    /// When the search stopped before the end of the output: the failure of a command whose remaining
    /// output fits in a pipe's buffer (64 KiB), which has therefore finished as far as ripgrep can tell
    /// when it closes the pipe. A command with more to say is not judged (it is killed on disposal).
    /// </summary>
    public string? FailedBeforeTheEnd()
    {
        var rest = new byte[16 * 1024];
        for (var drained = 0; drained <= 64 * 1024;)
        {
            var n = _stdout.Read(rest);
            if (n == 0)
            {
                return PrefixedFailure();
            }

            drained += n;
        }

        return null;
    }

    private string? PrefixedFailure() => Failure() is { } failure ? _failurePrefix + failure : null;

    // After the whole output was read: null if the command succeeded, else its standard error.
    private string? Failure()
    {
        _process.WaitForExit();
        _stderrTask.Wait();
        if (_process.ExitCode == 0)
        {
            return null;
        }

        lock (_stderr)
        {
            var text = _stderr.ToString().Trim();
            var rule = new string('-', 79);
            return $"\n{rule}\n{text}\n{rule}";
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill();
            }
            catch (InvalidOperationException)
            {
                // exited meanwhile
            }
        }

        _process.WaitForExit();
        _process.Dispose();
    }
}
