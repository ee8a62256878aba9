namespace Scour.Rewriting;

/// <summary>What an undo did.</summary>
/// <param name="Run">The run undone, or null when there was nothing to undo.</param>
/// <param name="Restored">Files given back their original bytes.</param>
/// <param name="Refused">Files left alone, with the reason (changed after the write, gone, unwritable).</param>
internal sealed record UndoOutcome(JournalRun? Run, IReadOnlyList<string> Restored, IReadOnlyList<(string Path, string Reason)> Refused);

/// <summary>
/// <c>--undo</c>: restores the files of the most recent rewrite run from under a directory, each through
/// the same atomic replacement as the write, and only when the file still holds exactly what the run
/// wrote. A file that holds its original bytes already is left alone; any other content is refused.
/// </summary>
internal static class RewriteUndo
{
    /// <summary>The newest run not yet undone whose working directory is <paramref name="directory"/> or inside it.</summary>
    public static JournalRun? Latest(string stateDirectory, string directory)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        return JournalRun.All(RewriteJournal.RunsDirectory(stateDirectory)).FirstOrDefault(run =>
            !run.Undone && run.Entries.Count > 0 && IsUnder(Path.TrimEndingDirectorySeparator(run.WorkingDirectory), root));
    }

    public static UndoOutcome Run(string stateDirectory, string directory, CancellationToken cancellationToken)
    {
        var run = Latest(stateDirectory, directory);
        if (run is null)
        {
            return new UndoOutcome(null, [], []);
        }

        using var held = run.TryLock() ?? throw new IOException($"the run in {run.Directory} is still in progress");
        var restored = new List<string>();
        var refused = new List<(string, string)>();
        foreach (var entry in run.Entries.Reverse())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (Restore(run, entry) is { } reason)
                {
                    refused.Add((entry.Path, reason));
                }
                else
                {
                    restored.Add(entry.Path);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                refused.Add((entry.Path, IoErrorText.Describe(e)));
            }
        }

        if (refused.Count == 0)
        {
            RewriteJournal.Mark(run, "undone");
        }

        return new UndoOutcome(run, restored, refused);
    }

    // Null when the file holds its original bytes afterwards; otherwise why it was left alone.
    private static string? Restore(JournalRun run, JournalEntry entry)
    {
        if (!File.Exists(entry.Path))
        {
            return "no longer exists; not restored";
        }

        var status = FileStatus.Of(entry.Path);
        var current = AtomicFile.ReadAll(entry.Path);
        var fingerprint = ContentFingerprint.Of(current);
        if (fingerprint == entry.Before)
        {
            return null; // never written (the run was interrupted first), or restored already
        }

        if (fingerprint != entry.After)
        {
            return "changed since scour rewrote it; not restored";
        }

        var original = File.ReadAllBytes(run.BackupPath(entry));
        if (ContentFingerprint.Of(original) != entry.Before)
        {
            return $"its backup {run.BackupPath(entry)} is damaged; not restored";
        }

        var temp = AtomicFile.TempPathFor(entry.Path);
        RewriteJournal.RecordUndoTemp(run, temp);
        AtomicFile.WriteTemp(temp, original, status);
        return AtomicFile.CommitIfUnchanged(temp, entry.Path, status, current) ? null : "changed while being restored; not restored";
    }

    private static bool IsUnder(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
