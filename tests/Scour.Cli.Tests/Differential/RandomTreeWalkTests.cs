using System.Globalization;
using System.Text;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// Seeded random trees (nested repositories, <c>.gitignore</c>, <c>.ignore</c> and <c>.rgignore</c> at
/// any level with every pattern form, hidden entries, links to files, to directories, to an ancestor
/// and to nothing) searched and listed by scour and rg 15.2 with random walking flags (ignore switches,
/// globs, types, depth, size, <c>-L</c>, output modes) and explicit paths, now and then from a
/// subdirectory: stdout, stderr (the tool's name aside) and
/// the exit code must be the same. 300 trees by default; <c>SCOUR_SWEEP_CASES</c> and
/// <c>SCOUR_SWEEP_SEED</c> run more, or others.
/// </summary>
public sealed class RandomTreeWalkTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-trees-" + Guid.NewGuid().ToString("N")[..8]);

    private static readonly string[] FileNames =
        ["a", "b", "ab", "x.log", "keep.log", "y.txt", "z.rs", "m.py", "README.md", ".h", ".hidden.txt", "build", "sp ace", "c[1]", "foo.RS", "t.c", "t.h", "Makefile"];

    private static readonly string[] DirNames = ["a", "b", "build", "src", "node_modules", ".cache", "deep", "Doc", "lib"];

    private static readonly string[] Rules =
    [
        "*.log", "!keep.log", "/build", "build/", "*.txt", "!*.txt", "a", "/a/", "**/deep", "deep/**", "src/**/*.rs",
        "*.[ch]", "!t.c", "Doc", "doc", "#c", "\\#h", "*", "!*/", "z*", "**/b/*.py", "?.rs", "[ab]", "/*.md", ".*",
        "!.h", "node_modules", "lib/", "*~", "sp\\ ace", "a/**/b", "a ", "a\\ ", "\\!b", "!/src", "src/*", "**/", "**",
        "/**/z.rs", "*/", "b/", "deep/*/", "!deep/", "**/*.md", "Doc/", "[Dd]oc", "x.log/", "*.log\r",
    ];

    private static readonly string[][] Flags =
    [
        ["--hidden"], ["--no-ignore"], ["-u"], ["-uu"], ["--no-ignore-vcs"], ["--no-ignore-dot"], ["--no-ignore-parent"],
        ["--no-ignore-files"], ["--no-require-git"], ["-g", "*.md"], ["-g", "!*.md"], ["-g", "src/**"], ["-g", "!build"],
        ["-g", "**/deep/**"], ["-g", "*.{rs,py}"], ["-g", "!*/"], ["-g", "a/*"], ["-g", "/a"], ["-g", "[!a]*"],
        ["--iglob", "*.RS"], ["--glob-case-insensitive", "-g", "*.MD"], ["-t", "rust"], ["-t", "py"], ["-t", "c"],
        ["-T", "md"], ["-t", "make"], ["--max-depth", "0"], ["--max-depth", "1"], ["--max-depth", "2"], ["-L"],
        ["--ignore-file", "IGN"], ["--max-filesize", "10"], ["-j1"], ["--sortr", "path"], ["--ignore-file-case-insensitive"],
        ["--ignore-file", "nowhere"], ["--null"], ["--files-without-match"], ["--type-not", "rust"],
        ["--type-add", "foo:*.log", "-t", "foo"], ["-q"], ["--no-messages"], ["--no-ignore-messages"], ["--count-matches"],
        ["-H"], ["--heading"], ["-uuu"], ["--no-ignore-exclude"], ["--ignore-vcs"], ["--no-hidden"], ["--no-follow"],
        ["-g", "{a,b}/**"], ["-g", "!**/node_modules/**"], ["--iglob", "!a/*"], ["-g", "*/"], ["-g", "a"],
    ];

    private static readonly string[] LinkTargets = ["a", "b", "nowhere", "..", "z.rs", "z.rs/x", "ln0", "ln1"];

    private static readonly string[][] Modes = [["--files"], ["hello"], ["-l", "hello"], ["-c", "hello"]];

    private static readonly string[][] Paths =
        [[], [], ["."], ["a", "b"], ["src"], ["./a"], ["a/"], ["a/z.rs", "b"], ["x.log"], [".h", "build"], ["../t/a"], ["deep/"]];

    public RandomTreeWalkTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    [OracleFact("rg")]
    public void Random_trees_are_walked_as_rg_walks_them()
    {
        var rg = Oracle.Require("rg");
        var seed = Setting("SCOUR_SWEEP_SEED", 20261203);
        var trees = Setting("SCOUR_SWEEP_CASES", 300);
        var differences = new List<string>();
        for (var i = 0; i < trees && differences.Count < 10; i++)
        {
            var random = new Random(seed + i);
            var tree = Path.Combine(_root, "t");
            Generate(tree, random);
            var args = new List<string>();
            for (var n = random.Next(0, 4); n > 0; n--)
            {
                args.AddRange(Flags[random.Next(Flags.Length)]);
            }

            args.AddRange(Modes[random.Next(Modes.Length)]);
            args.AddRange(Paths[random.Next(Paths.Length)]);
            if (!args.Contains("-j1"))
            {
                args.AddRange(["--sort", "path"]); // else the order of files is the threads'
            }

            // Now and then from a subdirectory, the tree's paths named from there.
            var cwd = tree;
            if (random.Next(5) == 0 && Directory.Exists(Path.Combine(tree, "a")))
            {
                cwd = Path.Combine(tree, "a");
                args = [.. args.Select(a => a is "a" or "b" or "." or "./a" or "a/" ? ".." : a)];
            }

            var expected = CommandRunner.Run(rg, [.. args], cwd);
            var actual = ScourBinary.Run(cwd, [.. args]);
            var expectedErrors = expected.Stderr.Replace("rg:", "scour:", StringComparison.Ordinal).Replace("ripgrep", "scour", StringComparison.Ordinal);
            if (expected.StdoutText != actual.StdoutText || expected.ExitCode != actual.ExitCode || expectedErrors != actual.Stderr)
            {
                differences.Add($"seed {seed + i}: {string.Join(' ', args)}\n  rg {expected.ExitCode}:    {expected.StdoutEscaped} {expected.Stderr}\n  scour {actual.ExitCode}: {actual.StdoutEscaped} {actual.Stderr}");
            }
        }

        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    // An ignored link to an ancestor is still reported as a loop: rg checks a followed link before any
    // rule or glob sees it (found by the random trees).
    [OracleFact("rg")]
    public void An_ignored_link_to_an_ancestor_is_reported_as_a_loop()
    {
        var tree = Path.Combine(_root, "loop");
        Directory.CreateDirectory(Path.Combine(tree, "a/node_modules"));
        File.WriteAllText(Path.Combine(tree, "a/node_modules/.ignore"), "*\n");
        File.WriteAllText(Path.Combine(tree, "a/node_modules/z.rs"), "hello\n");
        File.WriteAllText(Path.Combine(tree, "a/README.md"), "hello\n");
        File.CreateSymbolicLink(Path.Combine(tree, "a/node_modules/up"), "..");
        foreach (var args in new[] { new[] { "-L", "--files" }, ["-L", "-j1", "hello"], ["-L", "--sort", "path", "-g", "*.md", "hello"] })
        {
            var expected = CommandRunner.Run(Oracle.Require("rg"), args, tree);
            var actual = ScourBinary.Run(tree, args);
            Assert.Contains("File system loop found: ./a/node_modules/up points to an ancestor ./a", expected.Stderr, StringComparison.Ordinal);
            Assert.Equal(expected.Stderr.Replace("rg:", "scour:", StringComparison.Ordinal), actual.Stderr);
            Assert.Equal(expected.StdoutText, actual.StdoutText);
            Assert.Equal(expected.ExitCode, actual.ExitCode);
        }
    }

    // rg matches -g globs against the path as the walk shows it, less one leading ./ and the working
    // directory: below ../t/a a glob sees ../t/a/m, not a/m (found by the random trees).
    [OracleFact("rg")]
    public void Globs_see_paths_as_the_walk_shows_them()
    {
        var tree = Path.Combine(_root, "t");
        foreach (var file in new[] { "a/m", "a/b/n", "x/o" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(tree, file))!);
            File.WriteAllText(Path.Combine(tree, file), "hello\n");
        }

        var differences = new List<string>();
        foreach (var glob in new[] { "a/*", "**/a/*", "../t/a/*", "/a/*", "t/a/**" })
        {
            foreach (var root in new[] { "../t/a", "./a", "a/", Path.Combine(tree, "a"), "../t", "x/../a", "." })
            {
                string[] args = ["--files", "--sort", "path", "-g", glob, root];
                var expected = CommandRunner.Run(Oracle.Require("rg"), args, tree);
                var actual = ScourBinary.Run(tree, args);
                if (expected.StdoutText != actual.StdoutText || expected.ExitCode != actual.ExitCode)
                {
                    differences.Add($"-g {glob} {root}: rg {expected.ExitCode} {expected.StdoutEscaped}, scour {actual.ExitCode} {actual.StdoutEscaped}");
                }
            }
        }

        // Every --iglob counts as given after every -g, so here the --iglob decides.
        foreach (var args in new[] { new[] { "--files", "--iglob", "!A/*", "-g", "a/*" }, ["--files", "-g", "!a/*", "--iglob", "a/*"] })
        {
            var expected = CommandRunner.Run(Oracle.Require("rg"), args, tree);
            var actual = ScourBinary.Run(tree, args);
            if (expected.StdoutText != actual.StdoutText || expected.ExitCode != actual.ExitCode)
            {
                differences.Add($"{string.Join(' ', args)}: rg {expected.ExitCode} {expected.StdoutEscaped}, scour {actual.ExitCode} {actual.StdoutEscaped}");
            }
        }

        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    private static void Generate(string tree, Random random)
    {
        if (Directory.Exists(tree))
        {
            Directory.Delete(tree, recursive: true);
        }

        Directory.CreateDirectory(tree);
        if (random.Next(10) < 6)
        {
            Directory.CreateDirectory(Path.Combine(tree, ".git"));
        }

        Fill(tree, 0, random);
        File.WriteAllText(Path.Combine(tree, "IGN"), RandomRules(random, 2));
    }

    private static void Fill(string dir, int depth, Random random)
    {
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            var path = Path.Combine(dir, FileNames[random.Next(FileNames.Length)]);
            if (!Path.Exists(path))
            {
                File.WriteAllText(path, random.Next(5) < 4 ? "hello world\n" : string.Concat(Enumerable.Repeat("nothing\n", random.Next(1, 6))));
            }
        }

        for (var n = depth < 3 ? random.Next(0, 4) : 0; n > 0; n--)
        {
            var path = Path.Combine(dir, DirNames[random.Next(DirNames.Length)]);
            if (!Path.Exists(path))
            {
                Directory.CreateDirectory(path);
                Fill(path, depth + 1, random);
            }
        }

        foreach (var name in new[] { ".gitignore", ".ignore", ".rgignore" })
        {
            if (random.Next(10) < 3)
            {
                File.WriteAllText(Path.Combine(dir, name), RandomRules(random, random.Next(1, 5)));
            }
        }

        if (depth > 0 && random.Next(100) < 15)
        {
            Directory.CreateDirectory(Path.Combine(dir, ".git")); // a nested repository
        }

        if (random.Next(10) == 0)
        {
            var link = Path.Combine(dir, "ln" + random.Next(10).ToString(CultureInfo.InvariantCulture));
            if (!Path.Exists(link) && new FileInfo(link).LinkTarget is null)
            {
                File.CreateSymbolicLink(link, LinkTargets[random.Next(LinkTargets.Length)]);
            }
        }
    }

    private static string RandomRules(Random random, int count)
    {
        var text = new StringBuilder();
        foreach (var rule in Rules.OrderBy(_ => random.Next()).Take(count))
        {
            text.Append(rule).Append('\n');
        }

        return text.ToString();
    }
}
