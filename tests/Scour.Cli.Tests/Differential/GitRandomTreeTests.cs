using System.Text;
using Scour.Cli.Tests.Infrastructure;
using Scour.Walking;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// Random trees with random ignore files (seeded, reproducible, every gitignore pattern form) walked by
/// the library and listed by <c>git ls-files --others --exclude-standard</c>: the sets must be equal.
/// One repository is reused and emptied between trees to keep the 1,000 trees fast.
/// </summary>
public sealed class GitRandomTreeTests : IDisposable
{
    private const int Trees = 1000;

    private static readonly string[] Names =
        ["a", "b", "ab", "abc", "x.log", "y.txt", "z.rs", ".h", ".hidden.txt", "build", "node_modules", "sp ace", "#h", "!b", "deep", "Doc", "c[1]"];

    private static readonly string[] DirNames = ["a", "b", "build", "src", "node_modules", ".cache", "deep", "Doc"];

    private readonly string _repo = Path.Combine(Path.GetTempPath(), "scour-gitrand-" + Guid.NewGuid().ToString("N"));

    public GitRandomTreeTests()
    {
        Directory.CreateDirectory(_repo);
        if (CommandRunner.Which("git") is { } git)
        {
            CommandRunner.Run(git, ["init", "-q", "."], _repo);
        }
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    [OracleFact("git")]
    public void Walk_agrees_with_git_on_random_trees()
    {
        var git = Oracle.Require("git");
        var failures = new List<string>();
        for (var seed = 1; seed <= Trees && failures.Count < 3; seed++)
        {
            var description = Generate(seed);
            var expected = Lines(CommandRunner.Run(git, ["-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard"], _repo).StdoutText);
            var actual = WalkWithLibrary(Options);
            if (!expected.SequenceEqual(actual))
            {
                failures.Add($"seed {seed}:\n{description}\n  only git:   {string.Join(", ", expected.Except(actual))}\n  only scour: {string.Join(", ", actual.Except(expected))}");
                continue;
            }

            // The same verdicts one path at a time, without walking.
            var filter = new PathFilter(_repo, Options);
            var listed = expected.ToHashSet(StringComparer.Ordinal);
            var wrong = WalkWithLibrary(Options with { IgnoreVcs = false }).Where(p => filter.IsIgnored(p) == listed.Contains(p)).ToList();
            if (wrong.Count > 0)
            {
                failures.Add($"seed {seed} (PathFilter):\n{description}\n  wrong verdicts: {string.Join(", ", wrong)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private WalkOptions Options => new() { Hidden = true, IgnoreDot = false, Environment = _ => null, WorkingDirectory = _repo, Threads = 1 };

    private List<string> WalkWithLibrary(WalkOptions options)
    {
        var found = new List<string>();
        new Walker(options).Run(
            [_repo],
            e =>
            {
                var relative = Path.GetRelativePath(_repo, e.Path);
                if (!relative.StartsWith(".git/", StringComparison.Ordinal))
                {
                    found.Add(relative);
                }

                return true;
            },
            (p, m) => found.Add($"ERROR {p}: {m}"));
        return found.Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();

    // Builds a random tree in the (emptied) repository and returns a description for failure messages.
    private string Generate(int seed)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(_repo))
        {
            if (Path.GetFileName(entry) == ".git")
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        var random = new Random(seed);
        var description = new StringBuilder();
        var dirs = new List<string> { string.Empty };
        for (var i = 0; i < random.Next(1, 6); i++)
        {
            var parent = dirs[random.Next(dirs.Count)];
            if (parent.Count(c => c == '/') < 3)
            {
                dirs.Add(Path.Combine(parent, DirNames[random.Next(DirNames.Length)]));
            }
        }

        foreach (var dir in dirs.Distinct())
        {
            Directory.CreateDirectory(Path.Combine(_repo, dir));
        }

        foreach (var dir in dirs.Distinct())
        {
            for (var i = 0; i < random.Next(1, 6); i++)
            {
                var name = Names[random.Next(Names.Length)];
                var path = Path.Combine(_repo, dir, name);
                if (!Directory.Exists(path))
                {
                    File.WriteAllText(path, "x");
                }
            }

            if (random.Next(3) == 0 || dir.Length == 0)
            {
                var rules = RandomRules(random);
                File.WriteAllText(Path.Combine(_repo, dir, ".gitignore"), rules);
                description.Append($"  {dir}/.gitignore: {rules.Replace("\n", "\\n", StringComparison.Ordinal)}\n");
            }
        }

        var exclude = random.Next(4) == 0 ? RandomRules(random) : string.Empty;
        Directory.CreateDirectory(Path.Combine(_repo, ".git", "info"));
        File.WriteAllText(Path.Combine(_repo, ".git", "info", "exclude"), exclude);
        if (exclude.Length > 0)
        {
            description.Append($"  .git/info/exclude: {exclude.Replace("\n", "\\n", StringComparison.Ordinal)}\n");
        }

        return description.ToString();
    }

    private static string RandomRules(Random random)
    {
        string[] forms =
        [
            "", "# comment", "*.log", "!x.log", "build/", "/build", "build", "a/", "/a", "a/b", "*/b", "**/b", "a/**", "a/**/b",
            "deep/**/abc", "?", "a?", "ab?", "[ab]", "[!a]", "[a-c]*", "[^b]b", "\\#h", "\\!b", "!*.txt", "*.txt", "y.txt   ",
            "sp\\ ace", "sp ace", "node_modules/", "**/node_modules", ".*", "!.h", "*", "!*/", "Doc", "doc", "src/*.rs", "!src/",
            "abc/", "!abc", "**", "**/", "a/**/", "/*", "!/b", "c[1]", "c\\[1\\]", "*.rs\r", "deep/", "!deep/a*",
        ];
        var lines = new StringBuilder();
        for (var i = 0; i < random.Next(1, 7); i++)
        {
            lines.Append(forms[random.Next(forms.Length)]).Append('\n');
        }

        return lines.ToString();
    }
}
