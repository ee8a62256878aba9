using System.Diagnostics;
using System.Text;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Rewriting;

/// <summary>The safety guarantees under stress: kill -9 mid-write, changes made while scour waits, temporary files of killed runs.</summary>
public sealed class RewriteSafetyTests : IDisposable
{
    private static readonly string[] Names = ["a.txt", "b.txt", "c.txt", "d.txt"];

    private readonly RewriteTree _t = new();

    public void Dispose() => _t.Dispose();

    [Fact]
    public void Kill_9_at_random_moments_leaves_every_file_wholly_old_or_wholly_new_and_undo_restores_all()
    {
        const int files = 300;
        var oldText = new Dictionary<string, string>();
        var newText = new Dictionary<string, string>();
        for (var i = 0; i < files; i++)
        {
            var text = string.Concat(Enumerable.Range(0, 40).Select(j => $"line foo {i} {j}\n"));
            var name = $"d{i % 7}/f{i}.txt";
            oldText[_t.Write(name, text)] = text;
            newText[_t.PathOf(name)] = text.Replace("foo", "bar", StringComparison.Ordinal);
        }

        var random = new Random(20261123);
        var killed = 0;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var psi = new ProcessStartInfo(ScourBinary.Executable)
            {
                WorkingDirectory = _t.Tree,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
            foreach (var a in new[] { "foo", "-r", "bar", "--write" })
            {
                psi.ArgumentList.Add(a);
            }

            psi.Environment["SCOUR_STATE_DIR"] = _t.State;
            using var process = Process.Start(psi)!;
            Thread.Sleep(random.Next(5, 400));
            if (!process.HasExited)
            {
                process.Kill(); // SIGKILL
                killed++;
            }

            process.WaitForExit();
            foreach (var (path, text) in oldText)
            {
                var now = File.ReadAllText(path);
                Assert.True(now == text || now == newText[path], $"attempt {attempt}: {path} is neither old nor new:\n{now}");
            }
        }

        Assert.True(killed > 0, "no run was killed mid-way; the tree is too small for this machine");

        // The next run finishes the job and removes what killed runs left behind.
        var finish = _t.Scour("foo", "-r", "bar", "--write");
        Assert.True(finish.ExitCode is 0 or 1, finish.Stderr);
        Assert.Empty(Directory.GetFiles(_t.Tree, "*.scour-tmp", SearchOption.AllDirectories));
        Assert.All(newText, kv => Assert.Equal(kv.Value, File.ReadAllText(kv.Key)));

        // Every run, interrupted or not, can be undone, newest first, back to the original bytes.
        for (var undo = 0; undo < 20 && _t.Scour("--undo").ExitCode == 0; undo++)
        {
        }

        Assert.All(oldText, kv => Assert.Equal(kv.Value, File.ReadAllText(kv.Key)));
    }

    [Fact]
    public void A_file_edited_while_interactive_waits_is_skipped_and_reported()
    {
        var script = CommandRunner.Which("script") ?? throw new InvalidOperationException("'script' (util-linux) is needed to give scour a terminal");
        _t.Write("a.txt", "foo a\n");
        _t.Write("b.txt", "foo b\n");
        var psi = new ProcessStartInfo(script)
        {
            WorkingDirectory = _t.Tree,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        psi.ArgumentList.Add("-qec");
        psi.ArgumentList.Add($"'{ScourBinary.Executable}' foo -r bar --interactive --color=never");
        psi.ArgumentList.Add("/dev/null");
        psi.Environment["SCOUR_STATE_DIR"] = _t.State;
        using var process = Process.Start(psi)!;
        var output = new StringBuilder();
        var reader = process.StandardOutput;

        void WaitFor(string text)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            var buffer = new char[256];
            while (!output.ToString().Contains(text, StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for '{text}' in:\n{output}");
                var n = reader.Read(buffer, 0, buffer.Length);
                Assert.True(n > 0, $"ended before '{text}':\n{output}");
                output.Append(buffer, 0, n);
            }
        }

        WaitFor("Apply to a.txt?");
        Assert.Contains("+bar a", output.ToString(), StringComparison.Ordinal);
        _t.Write("b.txt", "foo b, edited meanwhile\n");
        process.StandardInput.Write("a\n");
        process.StandardInput.Flush();
        WaitFor("in 1 file");
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(30_000));

        Assert.Contains("b.txt: changed since it was read; not rewritten", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 replacement in 1 file", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("bar a\n", _t.Read("a.txt"));
        Assert.Equal("foo b, edited meanwhile\n", _t.Read("b.txt"));
    }

    [Fact]
    public void Interactive_answers_choose_per_file()
    {
        var script = CommandRunner.Which("script") ?? throw new InvalidOperationException("'script' (util-linux) is needed to give scour a terminal");
        foreach (var name in Names)
        {
            _t.Write(name, $"foo {name}\n");
        }

        // y for a, n for b, q at c: d is never asked about.
        var r = CommandRunner.Run("/bin/sh", ["-c", $"printf 'y\\nn\\nq\\n' | '{script}' -qec \"'{ScourBinary.Executable}' foo -r bar --interactive\" /dev/null"], _t.Tree, environment: new Dictionary<string, string> { ["SCOUR_STATE_DIR"] = _t.State });
        Assert.Contains("1 replacement in 1 file", r.StdoutText, StringComparison.Ordinal);
        Assert.DoesNotContain("Apply to d.txt", r.StdoutText, StringComparison.Ordinal);
        Assert.Equal(["bar a.txt\n", "foo b.txt\n", "foo c.txt\n", "foo d.txt\n"], Names.Select(_t.Read));
    }
}
