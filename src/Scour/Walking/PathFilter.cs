using System.Collections.Concurrent;

namespace Scour.Walking;

/// <summary>
/// Answers "would a walk from <see cref="Root"/> skip this path?" without walking: the same ignore
/// files, globs, types and hidden-file rule as <see cref="Walker"/>, applied to every directory on the
/// way down (an ignored directory hides everything below it, as in git). Thread-safe; ignore files are
/// read once per directory and cached.
/// </summary>
public sealed class PathFilter
{
    private readonly IgnoreRules _rules;
    private readonly WalkOptions _options;
    private readonly ConcurrentDictionary<string, IgnoreDirectory> _directories = new(StringComparer.Ordinal);

    /// <summary>Creates a filter for paths below <paramref name="root"/>.</summary>
    /// <param name="root">The directory a walk would start from.</param>
    /// <param name="options">The walk's options; null for ripgrep's defaults.</param>
    public PathFilter(string root, WalkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        _options = options ?? new WalkOptions();
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _rules = new IgnoreRules(_options with { WorkingDirectory = _options.WorkingDirectory ?? Root });
    }

    /// <summary>The directory paths are relative to.</summary>
    public string Root { get; }

    /// <summary>True if a walk from the root would not yield <paramref name="path"/> (relative to the root, or absolute).</summary>
    public bool IsIgnored(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, Root));
        if (full == Root)
        {
            return false;
        }

        if (!full.StartsWith(Root + "/", StringComparison.Ordinal) && Root != "/")
        {
            throw new ArgumentException($"{path} is not below {Root}", nameof(path));
        }

        var relative = Root == "/" ? full[1..] : full[(Root.Length + 1)..];
        var parts = relative.Split('/');
        var directory = DirectoryNode(Root, null);
        var current = Root;
        for (var i = 0; i < parts.Length; i++)
        {
            var child = current == "/" ? "/" + parts[i] : current + "/" + parts[i];
            var isDirectory = i < parts.Length - 1 || Directory.Exists(child);
            if (_rules.IsIgnored(directory, child, parts[i], isDirectory))
            {
                return true;
            }

            if (_options.MaxDepth is { } max && i + 1 > max)
            {
                return true;
            }

            current = child;
            if (i < parts.Length - 1)
            {
                directory = DirectoryNode(current, directory);
            }
        }

        return false;
    }

    private IgnoreDirectory DirectoryNode(string absolute, IgnoreDirectory? parent) =>
        _directories.GetOrAdd(absolute, a => _rules.Enter(parent ?? _rules.ParentsOf(a), a, name => Path.Exists(Path.Join(a, name))));
}
