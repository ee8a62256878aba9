using System.Diagnostics;

namespace Scour.Cli.Tests.Infrastructure;

/// <summary>
/// Runs a program and captures its output. Standard input is /dev/null unless given, so that tools
/// that search stdin when it is a pipe (rg, scour) search their paths instead. HOME and the XDG/git
/// config locations point into an empty directory, so the user's global gitignore cannot interfere.
/// </summary>
public static class CommandRunner
{
    private static readonly Lazy<string> IsolatedHome = new(() =>
    {
        var home = Path.Combine(Path.GetTempPath(), "scour-test-home-" + Environment.ProcessId);
        Directory.CreateDirectory(home);
        return home;
    });

    public static CommandResult Run(string program, IEnumerable<string> args, string workingDirectory, byte[]? stdin = null, IDictionary<string, string>? environment = null, int timeoutMs = 60_000)
    {
        var psi = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        if (stdin is null)
        {
            psi.FileName = "/bin/sh";
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("exec \"$@\" < /dev/null");
            psi.ArgumentList.Add("sh");
        }
        else
        {
            psi.FileName = program;
        }

        if (stdin is null)
        {
            psi.ArgumentList.Add(program);
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["HOME"] = IsolatedHome.Value;
        psi.Environment["XDG_CONFIG_HOME"] = Path.Combine(IsolatedHome.Value, ".config");
        psi.Environment.Remove("GIT_CONFIG_GLOBAL");
        psi.Environment.Remove("RIPGREP_CONFIG_PATH");
        psi.Environment.Remove("SCOUR_CONFIG_PATH");
        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        psi.Environment.Remove("NO_COLOR");
        psi.Environment["TERM"] = "xterm";
        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                psi.Environment[k] = v;
            }
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {program}");
        var stdoutTask = Task.Run(() =>
        {
            using var ms = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(ms);
            return ms.ToArray();
        });
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            try
            {
                process.StandardInput.BaseStream.Write(stdin);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // the program may exit before reading everything
            }
        }

        if (!process.WaitForExit(timeoutMs))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {timeoutMs} ms");
        }

        return new CommandResult(stdoutTask.Result, stderrTask.Result, process.ExitCode);
    }

    /// <summary>Finds a program on PATH, or null.</summary>
    public static string? Which(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
