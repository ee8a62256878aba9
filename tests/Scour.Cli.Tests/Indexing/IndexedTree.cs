using System.Text;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Indexing;

/// <summary>
/// A seeded random tree in a temporary directory, an index store of its own, and ways to change the
/// tree the way people and tools do. Every scour run gets <c>SCOUR_INDEX_DIR</c> pointing at the store.
/// </summary>
public sealed class IndexedTree : IDisposable
{
    public static readonly string[] Words =
        ["alpha", "Beta", "gamma", "DELTA", "epsilon", "zeta_eta", "theta9", "iota-kappa", "lambda", "mu", "Straße", "Кошка", "日本語", "kelvin", "sigma", "omega", "foo_bar", "FooBar", "x1y2", "tab\there"];

    private readonly Random _random;
    private int _serial;

    public IndexedTree(int seed, int files = 40)
    {
        _random = new Random(seed);
        Root = Directory.CreateTempSubdirectory("scour-indexed-").FullName;
        Store = Path.Join(Root + "-store");
        Directory.CreateDirectory(Path.Join(Root, ".git")); // a repository, so .gitignore applies
        foreach (var dir in new[] { "src", "src/lib", "docs", ".hidden", "build", "src/lib/deep" })
        {
            Directory.CreateDirectory(Path.Join(Root, dir));
        }

        File.WriteAllText(Path.Join(Root, ".gitignore"), "build/\n*.log\n");
        File.WriteAllText(Path.Join(Root, "src", ".ignore"), "skipped*\n");
        File.WriteAllText(Path.Join(Root, "src", "lib", "deep", ".rgignore"), "[z-a]\n"); // a walk warns about it
        for (var i = 0; i < files; i++)
        {
            CreateFile();
        }

        File.WriteAllText(Path.Join(Root, "docs", "big.txt"), Text(9000)); // indexed as several chunks
        File.WriteAllBytes(Path.Join(Root, "src", "binary.dat"), [.. Encoding.UTF8.GetBytes("alpha beta\n"), 0, .. Encoding.UTF8.GetBytes("gamma\n")]);
        File.WriteAllBytes(Path.Join(Root, "docs", "utf16.txt"), [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("lambda utf16 alpha\n")]);
        File.WriteAllText(Path.Join(Root, "docs", "crlf.txt"), "alpha\r\nBeta gamma\r\n");
        File.CreateSymbolicLink(Path.Join(Root, "docs", "link.txt"), Path.Join(Root, "docs", "crlf.txt"));
    }

    public string Root { get; }

    public string Store { get; }

    public void Dispose()
    {
        foreach (var dir in new[] { Root, Store })
        {
            if (Directory.Exists(dir))
            {
                CommandRunner.Run("/bin/chmod", ["-R", "u+rwx", dir], "/");
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    /// <summary>Runs scour in the tree with the tree's index store.</summary>
    public CommandResult Scour(params string[] args) =>
        CommandRunner.Run(ScourBinary.Executable, args, Root, environment: new Dictionary<string, string> { ["SCOUR_INDEX_DIR"] = Store });

    /// <summary>Waits out the index's racy window (2 s) so that a build trusts what exists now.</summary>
    public static void WaitOutRacyWindow() => Thread.Sleep(2100);

    public string Text(int lines)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            var words = _random.Next(1, 6);
            for (var w = 0; w < words; w++)
            {
                sb.Append(w == 0 ? "" : " ").Append(_random.Next(3) == 0 ? "filler" + _random.Next(100) : Words[_random.Next(Words.Length)]);
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private string[] Files() =>
        [.. Directory.EnumerateFiles(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => !f.Contains("/.git/", StringComparison.Ordinal) && new FileInfo(f).LinkTarget is null)];

    private string[] Dirs() =>
        [.. Directory.EnumerateDirectories(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(d => !d.Contains("/.git", StringComparison.Ordinal))];

    private string Pick(string[] items) => items[_random.Next(items.Length)];

    private void CreateFile()
    {
        string[] names = ["a.txt", "b.rs", "c.md", "notes.log", "skipped.txt", ".dot.txt", "main.c", "README"];
        var dirs = Dirs();
        var dir = dirs.Length == 0 || _random.Next(5) == 0 ? Root : Pick(dirs);
        File.WriteAllText(Path.Join(dir, $"{_serial++}-{Pick(names)}"), Text(_random.Next(1, 12)));
    }

    /// <summary>Applies one random change and says what it was.</summary>
    public string Change()
    {
        var files = Files();
        var file = Pick(files);
        var rel = Path.GetRelativePath(Root, file);
        switch (_random.Next(11))
        {
            case 0:
                File.WriteAllText(file, Text(_random.Next(1, 12)));
                return $"edit {rel}";
            case 1:
                // The same size, and the old modification time put back (as cp -p or an editor might).
                var bytes = File.ReadAllBytes(file);
                if (bytes.Length == 0)
                {
                    return "nothing";
                }

                var reference = file + ".ref";
                File.Copy(file, reference);
                CommandRunner.Run("/bin/touch", ["-r", file, reference], Root);
                bytes[_random.Next(bytes.Length)] = (byte)"alphaBETA"[_random.Next(9)];
                File.WriteAllBytes(file, bytes);
                CommandRunner.Run("/bin/touch", ["-r", reference, file], Root);
                File.Delete(reference);
                return $"same-size edit, mtime restored {rel}";
            case 2:
                File.AppendAllText(file, Text(1));
                return $"append {rel}";
            case 3:
                CreateFile();
                return "create";
            case 4:
                File.Delete(file);
                return $"delete {rel}";
            case 5:
                var to = Path.Join(Pick([Root, .. Dirs()]), $"moved{_serial++}-{Path.GetFileName(file)}");
                File.Move(file, to);
                return $"rename {rel} -> {Path.GetRelativePath(Root, to)}";
            case 6:
                var dirs = Dirs().Where(d => !d.EndsWith("/build", StringComparison.Ordinal)).ToArray();
                if (dirs.Length == 0)
                {
                    return "nothing";
                }

                var dir = Pick(dirs);
                var renamed = Path.Join(Path.GetDirectoryName(dir)!, $"d{_serial++}");
                Directory.Move(dir, renamed);
                return $"rename dir {Path.GetRelativePath(Root, dir)} -> {Path.GetRelativePath(Root, renamed)}";
            case 7:
                File.SetUnixFileMode(file, 0);
                return $"unreadable {rel}";
            case 8:
                var link = Path.Join(Root, "docs-link");
                if (File.Exists(link) || new FileInfo(link).LinkTarget is not null)
                {
                    File.Delete(link);
                }

                File.CreateSymbolicLink(link, file);
                return $"symlink docs-link -> {rel}";
            case 9:
                var ignore = Path.Join(Root, _random.Next(2) == 0 ? ".gitignore" : "src/.ignore");
                Directory.CreateDirectory(Path.GetDirectoryName(ignore)!);
                string[] rules = ["build/", "*.log", "*.md", "!notes.log", "src/lib/", "*.rs", "skipped*", ".dot*", "[z-a]"];
                File.WriteAllText(ignore, string.Join("\n", Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Pick(rules))) + "\n");
                return $"rewrite {Path.GetRelativePath(Root, ignore)}";
            default:
                Directory.CreateDirectory(Path.Join(Root, "src"));
                var moved = Path.Join(Root, "src", $"{_serial++}.txt");
                File.WriteAllText(moved, Text(3));
                return "create in src";
        }
    }

    /// <summary>A random search: a pattern (present or not) and flags.</summary>
    public string[] Query()
    {
        var args = new List<string> { "--sort", "path" };
        string[] flags = ["-i", "-w", "-F", "-c", "-l", "--json", "-C1", "-o", "--hidden", "--no-ignore", "-S", "-n", "--count-matches", "-x", "-v", "-L", "-U", "--include-zero", "-uuu", "-tmd", "-g*.txt", "-a", "-P", "--files", "-q"];
        for (var i = _random.Next(0, 3); i > 0; i--)
        {
            args.Add(Pick(flags));
        }

        var word = Pick(Words);
        var pattern = _random.Next(8) switch
        {
            6 => $"(?s){word}.*{Pick(Words)}",
            7 => $"{word}\n{Pick(Words)}",
            0 => word,
            1 => word.ToUpperInvariant(),
            2 => $"{word}|{Pick(Words)}",
            3 => $"{word[..Math.Min(3, word.Length)]}\\w*",
            4 => $"(?i){word}\\s+{Pick(Words)}",
            _ => "absent" + _random.Next(3),
        };
        args.AddRange(["-e", pattern]);

        return [.. args];
    }
}
