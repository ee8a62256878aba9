using System.Text.Json;

namespace Scour.Rewriting;

/// <summary>
/// One <c>--write</c> as its journal recorded it: a directory holding <c>log</c> (one JSON object per
/// line, each appended and flushed to disk before the step it announces), the original bytes of each
/// file as <c>N.orig</c>, and a <c>lock</c> held while the run is alive.
/// </summary>
internal sealed class JournalRun
{
    private JournalRun(string directory, string workingDirectory, List<JournalEntry> entries, HashSet<string> marks, List<string> undoTemps)
    {
        Directory = directory;
        WorkingDirectory = workingDirectory;
        Entries = entries;
        Marks = marks;
        UndoTemps = undoTemps;
    }

    public string Directory { get; }

    /// <summary>The run's name: a UTC timestamp, so names sort by age.</summary>
    public string Name => Path.GetFileName(Directory);

    /// <summary>The current directory of the run, which decides which <c>--undo</c> finds it.</summary>
    public string WorkingDirectory { get; }

    public IReadOnlyList<JournalEntry> Entries { get; }

    /// <summary>Temporary files an undo of this run created.</summary>
    public IReadOnlyList<string> UndoTemps { get; }

    /// <summary>Which of <c>end</c>, <c>recovered</c>, <c>undone</c> were recorded.</summary>
    public IReadOnlySet<string> Marks { get; }

    public bool Ended => Marks.Contains("end") || Marks.Contains("recovered");

    public bool Undone => Marks.Contains("undone");

    public string BackupPath(JournalEntry entry) => Path.Combine(Directory, $"{entry.Id}.orig");

    public string LockPath => LockPathIn(Directory);

    public string LogPath => LogPathIn(Directory);

    /// <summary>The lock file of the run kept in <paramref name="directory"/>.</summary>
    public static string LockPathIn(string directory) => Path.Combine(directory, "lock");

    /// <summary>The log of the run kept in <paramref name="directory"/>.</summary>
    public static string LogPathIn(string directory) => Path.Combine(directory, "log");

    /// <summary>Reads a run's log; a torn last line (the run was killed while appending) is ignored.</summary>
    private static JournalRun? Read(string directory)
    {
        var log = LogPathIn(directory);
        if (!File.Exists(log))
        {
            return null;
        }

        string? cwd = null;
        var entries = new List<JournalEntry>();
        var marks = new HashSet<string>(StringComparer.Ordinal);
        var undoTemps = new List<string>();
        foreach (var line in File.ReadAllLines(log))
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                continue;
            }

            using (doc)
            {
                var root = doc.RootElement;
                switch (root.GetProperty("op").GetString())
                {
                    case "begin":
                        cwd = root.GetProperty("cwd").GetString();
                        break;
                    case "file":
                        entries.Add(new JournalEntry(
                            root.GetProperty("id").GetInt32(),
                            root.GetProperty("path").GetString()!,
                            root.GetProperty("temp").GetString()!,
                            new ContentFingerprint(root.GetProperty("oldSize").GetInt64(), ulong.Parse(root.GetProperty("old").GetString()!, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture)),
                            new ContentFingerprint(root.GetProperty("newSize").GetInt64(), ulong.Parse(root.GetProperty("new").GetString()!, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture))));
                        break;
                    case "undo-temp":
                        undoTemps.Add(root.GetProperty("temp").GetString()!);
                        break;
                    case var mark:
                        marks.Add(mark!);
                        break;
                }
            }
        }

        return cwd is null ? null : new JournalRun(directory, cwd, entries, marks, undoTemps);
    }

    /// <summary>All runs under <paramref name="journalDirectory"/>, newest first.</summary>
    public static List<JournalRun> All(string journalDirectory)
    {
        if (!System.IO.Directory.Exists(journalDirectory))
        {
            return [];
        }

        return [.. System.IO.Directory.GetDirectories(journalDirectory)
            .OrderDescending(StringComparer.Ordinal)
            .Select(Read)
            .OfType<JournalRun>()];
    }

    /// <summary>Takes the run's lock, or returns null while its process (or an undo of it) is alive.</summary>
    public FileStream? TryLock()
    {
        try
        {
            return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
