using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Rewriting;

/// <summary>A temporary directory with a tree to rewrite and a private journal (state) directory.</summary>
public sealed class RewriteTree : IDisposable
{
    public RewriteTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "scour-rw-" + Guid.NewGuid().ToString("N"));
        Tree = Path.Combine(Root, "tree");
        State = Path.Combine(Root, "state");
        Directory.CreateDirectory(Tree);
    }

    public string Root { get; }

    public string Tree { get; }

    public string State { get; }

    public string PathOf(string name) => Path.Combine(Tree, name);

    public string Write(string name, string text) => WriteBytes(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Read(string name) => File.ReadAllText(PathOf(name));

    public byte[] ReadBytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>Runs scour in <paramref name="directory"/> (the tree by default) with this tree's journal.</summary>
    public CommandResult Scour(params string[] args) => ScourIn(Tree, args);

    public CommandResult ScourIn(string directory, params string[] args) =>
        CommandRunner.Run(ScourBinary.Executable, args, directory, environment: new Dictionary<string, string> { ["SCOUR_STATE_DIR"] = State });

    /// <summary>Every file under the tree with its bytes, for before/after comparisons.</summary>
    public SortedDictionary<string, string> Snapshot() => Snapshot(Tree);

    public static SortedDictionary<string, string> Snapshot(string directory) =>
        new(Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToBase64String(File.ReadAllBytes(f))), StringComparer.Ordinal);

    public void Dispose()
    {
        foreach (var dir in Directory.GetDirectories(Root, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(Root, recursive: true);
    }
}
