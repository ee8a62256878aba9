using System.Diagnostics;
using System.Globalization;
using System.Text;
using Scour.Indexing;

namespace Scour.Cli;

/// <summary>
/// <c>scour index [PATH ...]</c> builds or updates the index of each tree (default: the current
/// directory); <c>--status [PATH]</c> describes indexes, <c>--drop PATH</c> deletes one, and
/// <c>--watch [PATH ...]</c> keeps them current until interrupted. Only as <c>scour</c>: as <c>rg</c>,
/// "index" is a pattern like any other.
/// </summary>
internal static class IndexCommand
{
    private const string Usage = "usage: scour index [--status | --drop | --watch] [PATH ...]";

    /// <summary>True when <paramref name="args"/> is this command.</summary>
    public static bool Matches(string[] args) => !Identity.IsRipgrep && args is ["index", ..];

    public static int Run(string[] args, Stream stdout)
    {
        var mode = "build";
        var paths = new List<string>();
        var flags = true;
        foreach (var arg in args.Skip(1))
        {
            if (flags && arg == "--")
            {
                flags = false;
            }
            else if (flags && arg is "--status" or "--drop" or "--watch")
            {
                if (mode != "build" && mode != arg[2..])
                {
                    throw new UsageException($"{arg} cannot be combined with --{mode}\n{Usage}");
                }

                mode = arg[2..];
            }
            else if (flags && arg is "-h" or "--help")
            {
                Write(stdout, HelpText());
                return 0;
            }
            else if (flags && arg.StartsWith('-') && arg != "-")
            {
                throw new UsageException($"unrecognized flag {arg} for 'scour index'\n{Usage}");
            }
            else
            {
                paths.Add(arg);
            }
        }

        if (!FileStamp.Supported)
        {
            Stderr.Message("search indexes are supported on Linux only");
            return 2;
        }

        return mode switch
        {
            "status" => Status(paths, stdout),
            "drop" => Drop(paths, stdout),
            "watch" => IndexWatchCommand.Run(paths.Count == 0 ? ["."] : paths, stdout),
            _ => Build(paths.Count == 0 ? ["."] : paths, stdout),
        };
    }

    private static int Build(List<string> paths, Stream stdout)
    {
        var failed = false;
        foreach (var path in paths)
        {
            try
            {
                var progress = Console.IsErrorRedirected ? null : new ProgressBar();
                var report = SearchIndex.Build(path, progress: progress);
                if (progress is not null)
                {
                    ProgressBar.Clear();
                }
                if (report.Damage is { } damage)
                {
                    Stderr.Message($"rebuilt a damaged index: {damage}");
                }

                Write(stdout, string.Create(CultureInfo.InvariantCulture, $"{report.Root}: {report.Files:N0} files, {(report.Rebuilt ? "all" : report.FilesRead.ToString("N0", CultureInfo.InvariantCulture))} read ({Size(report.BytesRead)}) in {report.Elapsed.TotalSeconds:0.0} s\n"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                Stderr.Message($"{path}: {IoErrorText.Describe(e)}");
                failed = true;
            }
        }

        return failed ? 2 : 0;
    }

    private static int Status(List<string> paths, Stream stdout)
    {
        var indexes = paths.Count == 0
            ? SearchIndex.All()
            : paths.Select(p => SearchIndex.Open(p) ?? throw new UsageException($"{p}: no index (build one with 'scour index {p}')")).ToList();
        if (indexes.Count == 0)
        {
            Write(stdout, $"no indexes in {SearchIndex.DefaultDirectory}\n");
            return 0;
        }

        var sb = new StringBuilder();
        foreach (var index in indexes)
        {
            var s = index.Status();
            if (s.Damage is { } damage)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{s.Root}\n  damaged: {damage}\n  index:   {s.Folder}\n");
                continue;
            }

            var age = DateTimeOffset.UtcNow - s.BuiltAt;
            sb.Append(CultureInfo.InvariantCulture, $"{s.Root}\n");
            sb.Append(CultureInfo.InvariantCulture, $"  files:   {s.Files:N0} ({s.IndexedFiles:N0} indexed, {Size(s.TreeBytes)})\n");
            sb.Append(CultureInfo.InvariantCulture, $"  index:   {Size(s.IndexBytes)} ({(s.TreeBytes == 0 ? 0 : 100.0 * s.IndexBytes / s.TreeBytes):0.0}% of the files) in {s.Folder}\n");
            sb.Append(CultureInfo.InvariantCulture, $"  built:   {s.BuiltAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC ({Age(age)} ago)\n");
            sb.Append(CultureInfo.InvariantCulture, $"  changed: {s.Changed:N0} since (searched directly until 'scour index' updates it)\n");
        }

        Write(stdout, sb.ToString());
        return 0;
    }

    private static int Drop(List<string> paths, Stream stdout)
    {
        if (paths.Count == 0)
        {
            throw new UsageException($"--drop needs the PATH of an indexed tree\n{Usage}");
        }

        var failed = false;
        foreach (var path in paths)
        {
            if (SearchIndex.Open(path) is not { } index)
            {
                Stderr.Message($"{path}: no index to drop");
                failed = true;
                continue;
            }

            index.Drop();
            Write(stdout, $"dropped the index of {index.Root}\n");
        }

        return failed ? 2 : 0;
    }

    private static string HelpText() => $"""
        {Usage}

        Builds the search index of each PATH (default: .), or brings it up to date. Later searches of
        files inside an indexed tree read only the files that may match; the output is the same as
        with --no-index. Indexes live in {SearchIndex.DefaultDirectory}
        (SCOUR_INDEX_DIR, else $XDG_CACHE_HOME/scour/index, else ~/.cache/scour/index).

          --status [PATH ...]   what each index holds, its age and what changed since
          --drop PATH ...       delete the index of PATH
          --watch [PATH ...]    keep the indexes current as files change, until interrupted

        """;

    internal static string Size(long bytes) => bytes switch
    {
        < 1L << 10 => $"{bytes} B",
        < 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        < 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1073741824.0:0.00} GiB"),
    };

    private static string Age(TimeSpan t) =>
        t.TotalMinutes < 1 ? $"{(int)t.TotalSeconds} s" : t.TotalHours < 1 ? $"{(int)t.TotalMinutes} min" : t.TotalDays < 1 ? $"{(int)t.TotalHours} h" : $"{(int)t.TotalDays} d";

    internal static void Write(Stream stdout, string text)
    {
        try
        {
            stdout.Write(Encoding.UTF8.GetBytes(text));
        }
        catch (IOException)
        {
            // a closed pipe: nothing more to say
        }
    }

    /// <summary>One line on standard error, redrawn at most ten times a second: files and bytes done, rate, time left.</summary>
    private sealed class ProgressBar : IProgress<IndexProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _lastDraw = -1000;

        public void Report(IndexProgress value)
        {
            var now = _clock.ElapsedMilliseconds;
            if (now - _lastDraw < 100 && value.FilesDone < value.FilesTotal)
            {
                return;
            }

            _lastDraw = now;
            var seconds = Math.Max(now / 1000.0, 0.001);
            var share = value.FilesTotal == 0 ? 1 : (double)value.FilesDone / value.FilesTotal;
            var left = share <= 0 ? 0 : seconds * (1 - share) / share;
            var width = 24;
            var filled = (int)(share * width);
            Stderr.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('.', width - filled)}] {value.FilesDone:N0}/{value.FilesTotal:N0} files  {Size(value.BytesDone)}  {Size((long)(value.BytesDone / seconds))}/s  {left:0} s left \u001b[K"));
        }

        public static void Clear() => Stderr.Write("\r\u001b[K");
    }
}
