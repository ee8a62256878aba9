using System.Globalization;
using System.Text.Json;

namespace Scour.Rewriting;

/// <summary>
/// The write-ahead journal of one <c>--write</c>, kept outside the tree (under the user's state
/// directory) so that <c>--undo</c> can restore the originals and the next run can remove temporary
/// files a killed run left behind. Every record is flushed to disk before the step it announces: the
/// original bytes and the temporary file's name are durable before the temporary file exists.
/// </summary>
internal sealed class RewriteJournal : IDisposable
{
    /// <summary>How many runs are kept for <c>--undo</c>; older finished runs are deleted.</summary>
    public const int RunsKept = 20;

    private readonly FileStream _lock;
    private readonly FileStream _log;
    private int _nextId;

    private RewriteJournal(string directory, FileStream lockStream, FileStream log)
    {
        Directory = directory;
        _lock = lockStream;
        _log = log;
    }

    public string Directory { get; }

    /// <summary>
    /// The state directory: <c>SCOUR_STATE_DIR</c>, else <c>$XDG_STATE_HOME/scour</c>, else
    /// <c>~/.local/state/scour</c> (on Windows, local application data).
    /// </summary>
    public static string StateDirectory(Func<string, string?> environment) =>
        UserDirectory.Of(environment, "SCOUR_STATE_DIR", "XDG_STATE_HOME", Path.Combine(".local", "state"));

    /// <summary>The directory holding one subdirectory per run.</summary>
    public static string RunsDirectory(string stateDirectory) => Path.Combine(stateDirectory, "journal");

    /// <summary>Starts the journal of a new run (its lock held until disposed).</summary>
    public static RewriteJournal Start(string stateDirectory, string workingDirectory)
    {
        // The journal holds copies of the user's files: only the user may read it.
        var runs = RunsDirectory(stateDirectory);
        CreatePrivateDirectory(stateDirectory);
        CreatePrivateDirectory(runs);
        var name = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss.fffffff", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var directory = Path.Combine(runs, name);
        CreatePrivateDirectory(directory);
        var lockStream = new FileStream(JournalRun.LockPathIn(directory), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        var log = new FileStream(JournalRun.LogPathIn(directory), FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        var journal = new RewriteJournal(directory, lockStream, log);
        Append(log, w =>
        {
            w.WriteString("op", "begin");
            w.WriteString("cwd", workingDirectory);
            w.WriteNumber("pid", Environment.ProcessId);
            w.WriteString("time", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        });
        return journal;
    }

    /// <summary>Records that <paramref name="path"/> is about to be replaced through <paramref name="temp"/>; keeps its original bytes.</summary>
    public int Prepare(string path, string temp, ReadOnlySpan<byte> original, ReadOnlySpan<byte> updated)
    {
        var id = _nextId++;
        using (var backup = new FileStream(Path.Combine(Directory, $"{id}.orig"), FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            backup.Write(original);
            backup.Flush(flushToDisk: true);
        }

        var before = ContentFingerprint.Of(original);
        var after = ContentFingerprint.Of(updated);
        Append(_log, w =>
        {
            w.WriteString("op", "file");
            w.WriteNumber("id", id);
            w.WriteString("path", path);
            w.WriteString("temp", temp);
            w.WriteNumber("oldSize", before.Length);
            w.WriteString("old", before.Hash.ToString("x16", CultureInfo.InvariantCulture));
            w.WriteNumber("newSize", after.Length);
            w.WriteString("new", after.Hash.ToString("x16", CultureInfo.InvariantCulture));
        });
        return id;
    }

    /// <summary>Records that entry <paramref name="id"/> was renamed into place.</summary>
    public void Committed(int id) => Append(_log, w =>
    {
        w.WriteString("op", "done");
        w.WriteNumber("id", id);
    });

    /// <summary>Records the run's normal end.</summary>
    public void Finish() => Mark(_log, "end");

    public void Dispose()
    {
        _log.Dispose();
        _lock.Dispose();
    }

    /// <summary>Appends a bare mark (<c>end</c>, <c>recovered</c>, <c>undone</c>) to a run's log.</summary>
    public static void Mark(JournalRun run, string mark) => AppendTo(run, w => w.WriteString("op", mark));

    /// <summary>Records a temporary file an undo is about to create, so a crash mid-undo is cleaned up too.</summary>
    public static void RecordUndoTemp(JournalRun run, string temp) => AppendTo(run, w =>
    {
        w.WriteString("op", "undo-temp");
        w.WriteString("temp", temp);
    });

    /// <summary>
    /// Removes the temporary files of runs that were killed (their lock is free but they never ended)
    /// and marks them recovered; they stay available to <c>--undo</c>. Returns the files removed.
    /// </summary>
    public static List<string> RecoverInterrupted(string stateDirectory)
    {
        var removed = new List<string>();
        foreach (var run in JournalRun.All(RunsDirectory(stateDirectory)))
        {
            if (run.Ended && run.UndoTemps.Count == 0)
            {
                continue;
            }

            using var held = run.TryLock();
            if (held is null)
            {
                continue; // alive
            }

            foreach (var temp in run.Entries.Select(e => e.Temp).Concat(run.UndoTemps))
            {
                if (File.Exists(temp) && !run.Entries.Any(e => e.Path == temp))
                {
                    File.Delete(temp);
                    removed.Add(temp);
                }
            }

            if (!run.Ended)
            {
                Mark(run, "recovered");
            }
        }

        return removed;
    }

    /// <summary>Deletes the oldest finished runs beyond <see cref="RunsKept"/>.</summary>
    public static void Prune(string stateDirectory)
    {
        foreach (var run in JournalRun.All(RunsDirectory(stateDirectory)).Skip(RunsKept))
        {
            if (!run.Ended)
            {
                continue;
            }

            using (var held = run.TryLock())
            {
                if (held is null)
                {
                    continue;
                }
            }

            System.IO.Directory.Delete(run.Directory, recursive: true);
        }
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
        }
        else
        {
            System.IO.Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void Mark(FileStream log, string mark) => Append(log, w => w.WriteString("op", mark));

    // A record added to an existing run's log (by a later process: recovery, undo).
    private static void AppendTo(JournalRun run, Action<Utf8JsonWriter> write)
    {
        using var log = new FileStream(run.LogPath, FileMode.Append, FileAccess.Write, FileShare.Read);
        Append(log, write);
    }

    private static void Append(FileStream log, Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        log.Write(buffer.WrittenSpan);
        log.WriteByte((byte)'\n');
        log.Flush(flushToDisk: true);
    }
}
