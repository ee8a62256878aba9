using System.Buffers;
using System.Globalization;
using System.Text;
using Scour.Matching;
using Scour.Rewriting;

namespace Scour.Cli;

/// <summary>
/// <c>--diff</c>, <c>--write</c>, <c>--interactive</c> and <c>--undo</c>: the library plans and applies
/// the rewrite; this prints diffs, asks, and reports. Exit codes follow the search's: 0 when something
/// changed (or would), 1 when nothing matched, 2 when any file could not be handled.
/// </summary>
internal static class RewriteCommand
{
    public static int Run(SearchPlan plan, Stream stdout, Action<string> onError, Action<string> onWarning)
    {
        var errors = 0;
        void Error(string? path, string message)
        {
            Interlocked.Increment(ref errors);
            onError(path is null ? message : $"{path}: {message}");
        }

        if (plan.Rewrite == RewriteMode.Interactive && Console.IsInputRedirected)
        {
            throw new UsageException("--interactive asks on the terminal, but standard input is not one (use --diff, then --write)");
        }

        var stateDirectory = RewriteJournal.StateDirectory(Environment.GetEnvironmentVariable);
        if (plan.Rewrite != RewriteMode.Diff)
        {
            Recover(stateDirectory, onWarning);
        }

        var pattern = CompiledPattern.Compile(plan.Pattern!);
        var planner = new RewritePlanner(pattern, plan.Output.Replacement!, plan.PreserveCase, plan.Searcher.MaxCount, plan.Walk);
        var rewrites = planner.Plan(plan.Roots, Error, onWarning, CancellationToken.None);
        var colors = plan.Output.Colors is null ? null : UnifiedDiff.Colors.Terminal;

        if (plan.Rewrite == RewriteMode.Diff)
        {
            foreach (var rewrite in rewrites)
            {
                WriteDiff(stdout, rewrite, plan.DiffContext, colors);
            }
        }
        else
        {
            Write(plan, stdout, rewrites, stateDirectory, colors, Error);
        }

        return errors > 0 ? 2 : rewrites.Count > 0 ? 0 : 1;
    }

    public static int Undo(Stream stdout, Action<string> onError)
    {
        var stateDirectory = RewriteJournal.StateDirectory(Environment.GetEnvironmentVariable);
        Recover(stateDirectory, onError);
        var outcome = RewriteUndo.Run(stateDirectory, Environment.CurrentDirectory, CancellationToken.None);
        if (outcome.Run is null)
        {
            Stderr.Message($"nothing to undo: no --write ran in {Environment.CurrentDirectory} or below it");
            return 1;
        }

        foreach (var (path, reason) in outcome.Refused)
        {
            onError($"{path}: {reason}");
        }

        var restored = outcome.Restored.Count;
        stdout.Write(Encoding.UTF8.GetBytes($"restored {Plural(restored, "file")}{(outcome.Refused.Count > 0 ? $", {outcome.Refused.Count} not restored" : "")}\n"));
        return outcome.Refused.Count > 0 ? 2 : 0;
    }

    private static void Write(SearchPlan plan, Stream stdout, List<FileRewrite> rewrites, string stateDirectory, UnifiedDiff.Colors? colors, Action<string?, string> error)
    {
        var replacements = 0;
        var files = 0;
        if (rewrites.Count > 0)
        {
            RewriteJournal.Prune(stateDirectory);
            using var journal = RewriteJournal.Start(stateDirectory, Environment.CurrentDirectory);
            var applier = new RewriteApplier(journal);
            var askEach = plan.Rewrite == RewriteMode.Interactive;
            foreach (var rewrite in rewrites)
            {
                if (askEach)
                {
                    WriteDiff(stdout, rewrite, plan.DiffContext, colors);
                    stdout.Flush();
                    var answer = Ask(rewrite.DisplayPath);
                    if (answer == 'q')
                    {
                        break;
                    }

                    if (answer == 'n')
                    {
                        continue;
                    }

                    askEach = answer != 'a';
                }

                try
                {
                    if (applier.Apply(rewrite) == RewriteOutcome.ChangedMeanwhile)
                    {
                        error(rewrite.DisplayPath, "changed since it was read; not rewritten");
                        continue;
                    }

                    replacements += rewrite.Edits.Count;
                    files++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error(rewrite.DisplayPath, $"not rewritten: {Scour.IoErrorText.Describe(e)}");
                }
            }

            journal.Finish();
        }

        stdout.Write(Encoding.UTF8.GetBytes($"{Plural(replacements, "replacement")} in {Plural(files, "file")}\n"));
    }

    private static char Ask(string path)
    {
        while (true)
        {
            Stderr.Write($"Apply to {path}? [y]es, [n]o, [a]ll remaining, [q]uit: ");
            var line = ReadAnswer();
            if (line is null)
            {
                return 'q';
            }

            var answer = line.Trim().ToLowerInvariant();
            if (answer is "y" or "yes" or "n" or "no" or "a" or "all" or "q" or "quit")
            {
                return answer[0];
            }
        }
    }

    // One line from standard input, read raw: Console.In would first switch the terminal's modes.
    private static string? ReadAnswer()
    {
        using var stdin = Terminal.OpenStdin();
        var bytes = new List<byte>();
        while (stdin.ReadByte() is var b and not '\n')
        {
            if (b < 0)
            {
                return bytes.Count == 0 ? null : Encoding.UTF8.GetString([.. bytes]);
            }

            bytes.Add((byte)b);
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static void WriteDiff(Stream stdout, FileRewrite rewrite, int context, UnifiedDiff.Colors? colors)
    {
        var buffer = new ArrayBufferWriter<byte>();
        UnifiedDiff.Write(buffer, rewrite.DisplayPath, rewrite.Text.Utf8, rewrite.Updated, rewrite.Edits, context, colors);
        stdout.Write(buffer.WrittenSpan);
    }

    private static void Recover(string stateDirectory, Action<string> onWarning)
    {
        try
        {
            var removed = RewriteJournal.RecoverInterrupted(stateDirectory);
            if (removed.Count > 0)
            {
                onWarning($"removed {Plural(removed.Count, "temporary file")} left by an interrupted --write");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            onWarning($"{stateDirectory}: cannot check for interrupted runs: {Scour.IoErrorText.Describe(e)}");
        }
    }

    private static string Plural(int n, string noun) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}
