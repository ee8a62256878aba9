using System.Collections.Concurrent;

namespace Scour.Walking;

/// <summary>
/// Decides whether a path is ignored, with ripgrep's precedence: <c>.rgignore</c> over <c>.ignore</c> over
/// <c>.gitignore</c> over <c>.git/info/exclude</c> over the global excludes file, the nearest directory
/// first within each kind; git's files only inside a repository and never above its root; hidden files
/// skipped unless a rule re-includes them.
/// </summary>
internal sealed class IgnoreRules
{
    private readonly WalkOptions _options;
    private readonly IgnoreFile? _global;
    private readonly string _workingDirectory;
    private readonly ConcurrentDictionary<string, IgnoreDirectory> _parents = new(StringComparer.Ordinal);
    private readonly GlobOverrides? _overrides;
    private readonly List<(IgnoreFile File, string Root)> _explicit = [];

    /// <summary>Compiles the rules that do not depend on the directory; throws <see cref="GlobSyntaxException"/> for a bad <c>-g</c>.</summary>
    public IgnoreRules(WalkOptions options, Action<string>? onError = null)
    {
        _options = options;
        OnError = onError;
        _workingDirectory = Path.TrimEndingDirectorySeparator(options.WorkingDirectory ?? Directory.GetCurrentDirectory());
        if (options.Globs.Count > 0)
        {
            _overrides = new GlobOverrides(options.Globs);
        }

        if (options.IgnoreVcs && options.IgnoreGlobal)
        {
            var env = options.Environment ?? Environment.GetEnvironmentVariable;
            if (GitConfig.GlobalExcludesFile(env) is { } path && LoadFile(path) is { } global)
            {
                _global = global;
            }
        }

        foreach (var path in options.IgnoreFiles)
        {
            var full = Path.GetFullPath(path, _workingDirectory);
            if (!File.Exists(full))
            {
                // Named by the user, so its absence is worth a message (an ignore-file one, as rg's);
                // rg reads a directory as a file and words the failure as a line's.
                OnError?.Invoke($"{path}: {(Directory.Exists(full) ? "line 1: Is a directory (os error 21)" : FileKind.StatFailure(full))}");
            }
            else if (LoadFile(full) is { } file)
            {
                _explicit.Add((file, _workingDirectory)); // as rg 15: rules of --ignore-file are relative to the working directory
            }
        }
    }

    private Action<string>? OnError { get; }

    /// <summary>
    /// The chain of directories above <paramref name="rootAbsolute"/>, each with its ignore files. As rg,
    /// their files' errors name them by absolute path and are reported together, as one message, to
    /// <paramref name="reportErrors"/> (rg counts them as errors, not as ignore-file warnings).
    /// </summary>
    public IgnoreDirectory? ParentsOf(string rootAbsolute, Action<string>? reportErrors = null)
    {
        var errors = new List<string>();
        var node = ParentsOf(rootAbsolute, errors);
        if (errors.Count > 0)
        {
            (reportErrors ?? OnError)?.Invoke(string.Join('\n', errors));
        }

        return node;
    }

    private IgnoreDirectory? ParentsOf(string rootAbsolute, List<string> errors)
    {
        var parent = Path.GetDirectoryName(rootAbsolute);
        if (parent is null)
        {
            return null;
        }

        if (_parents.TryGetValue(parent, out var cached))
        {
            return cached;
        }

        var above = ParentsOf(parent, errors);
        var node = Enter(above, parent, name => Path.Exists(Path.Join(parent, name)), isAbsoluteParent: true, errors: errors);
        return _parents.GetOrAdd(parent, node);
    }

    /// <summary>Whether <paramref name="name"/> is a per-directory ignore file <see cref="Enter"/> reads.</summary>
    public static bool IsIgnoreFile(string name) => name is ".gitignore" or ".ignore" or ".rgignore";

    /// <summary>Whether <see cref="Enter"/> asks a directory for <paramref name="name"/> (UTF-8): an ignore file or a repository marker.</summary>
    public static bool IsLookedUp(ReadOnlySpan<byte> name) =>
        name.SequenceEqual(".git"u8) || name.SequenceEqual(".jj"u8) || name.SequenceEqual(".gitignore"u8) ||
        name.SequenceEqual(".ignore"u8) || name.SequenceEqual(".rgignore"u8);

    /// <summary>
    /// Builds the node for a directory; <paramref name="hasEntry"/> tells whether it holds a name. Errors in
    /// its ignore files name them under <paramref name="shownAs"/> (the directory as the walk shows it).
    /// </summary>
    public IgnoreDirectory Enter(IgnoreDirectory? parent, string absolutePath, Func<string, bool> hasEntry, bool isAbsoluteParent = false, string? shownAs = null, List<string>? errors = null)
    {
        var node = new IgnoreDirectory(parent, absolutePath, isAbsoluteParent);

        // --ignore-file-case-insensitive applies to the per-directory files, not to the global or explicit ones (as rg).
        IgnoreFile? Load(string directory, string name, Func<string, bool> has, string? shownName = null) =>
            has(name) ? LoadFile(Path.Join(directory, name), _options.IgnoreFileCaseInsensitive, shownAs is null ? null : Walker.Join(shownAs, shownName ?? name), errors) : null;

        // As rg 15, a Jujutsu workspace (.jj) is a repository for the purpose of .gitignore files.
        var hasGitDirectory = hasEntry(".git");
        node.HasGit = hasGitDirectory || (_options.IgnoreVcs && hasEntry(".jj"));
        if (_options.IgnoreDot)
        {
            node.Rgignore = Load(absolutePath, ".rgignore", hasEntry);
            node.Ignore = Load(absolutePath, ".ignore", hasEntry);
        }

        if (_options.IgnoreVcs)
        {
            node.Gitignore = Load(absolutePath, ".gitignore", hasEntry);
            if (hasGitDirectory && _options.IgnoreExclude)
            {
                var info = Path.Join(absolutePath, ".git", "info");
                node.Exclude = Load(info, "exclude", name => FileKind.IsRegularFile(Path.Join(info, name)), ".git/info/exclude");
            }
        }

        node.HasRules = node.Rgignore is not null || node.Ignore is not null || node.Gitignore is not null ||
            node.Exclude is not null || (parent?.HasRules ?? false);
        return node;
    }

    private IgnoreFile? LoadFile(string path, bool caseInsensitive = false, string? shownAs = null, List<string>? errors = null)
    {
        var file = IgnoreFile.Load(path, caseInsensitive, shownAs);
        if (file is null)
        {
            return null;
        }

        foreach (var e in file.Errors)
        {
            if (errors is not null)
            {
                errors.Add(e);
            }
            else
            {
                OnError?.Invoke(e);
            }
        }

        return file.IsEmpty ? null : file;
    }

    /// <summary>
    /// The path -g globs see for a walk root shown as <paramref name="display"/>, when it is not the
    /// root's path relative to the working directory (null then). rg matches globs against the path as
    /// the walk shows it, less one leading <c>./</c> and the working directory: below <c>../t/a</c>
    /// that is <c>../t/a/...</c>, not <c>a/...</c>.
    /// </summary>
    public string? GlobDirectoryOfRoot(string display, string absolute)
    {
        if (_overrides is null)
        {
            return null;
        }

        var shown = Path.TrimEndingDirectorySeparator(display.StartsWith("./", StringComparison.Ordinal) ? display[2..] : display);
        if (shown is "." || shown == _workingDirectory)
        {
            shown = "";
        }
        else if (Path.IsPathRooted(shown))
        {
            shown = RelativeTo(_workingDirectory, shown).ToString();
        }

        var usual = absolute == _workingDirectory ? "" : RelativeToWorkingDirectory(absolute).ToString();
        return shown == usual ? null : shown;
    }

    /// <summary>
    /// True if the entry <paramref name="name"/> at <paramref name="absolutePath"/> inside <paramref name="directory"/>
    /// is skipped; <paramref name="globDirectory"/>, when not null, is the directory's path as -g globs see it
    /// (<see cref="GlobDirectoryOfRoot"/>).
    /// </summary>
    public bool IsIgnored(IgnoreDirectory directory, ReadOnlySpan<char> absolutePath, ReadOnlySpan<char> name, bool isDirectory, string? globDirectory = null)
    {
        // The order is ripgrep's: -g globs decide outright; then ignore files, then file types; a path
        // that either whitelists escapes the hidden-file rule.
        if (_overrides is not null)
        {
            var globPath = globDirectory is null ? RelativeToWorkingDirectory(absolutePath) : globDirectory.Length == 0 ? name : string.Concat(globDirectory, "/", name);
            var forced = _overrides.Match(globPath, isDirectory);
            if (forced != IgnoreMatch.None)
            {
                return forced == IgnoreMatch.Ignore;
            }
        }

        var verdict = directory.HasRules || _global is not null || _explicit.Count > 0 ? Match(directory, absolutePath, isDirectory) : IgnoreMatch.None;
        if (verdict == IgnoreMatch.Ignore)
        {
            return true;
        }

        if (_options.Types is { } types)
        {
            var byType = types.Match(name, isDirectory);
            if (byType == IgnoreMatch.Ignore)
            {
                return true;
            }

            if (byType == IgnoreMatch.Whitelist)
            {
                verdict = IgnoreMatch.Whitelist;
            }
        }

        return verdict != IgnoreMatch.Whitelist && !_options.Hidden && name.Length > 0 && name[0] == '.';
    }

    private ReadOnlySpan<char> RelativeToWorkingDirectory(ReadOnlySpan<char> absolutePath) => RelativeTo(_workingDirectory, absolutePath);

    private static ReadOnlySpan<char> RelativeTo(string root, ReadOnlySpan<char> absolutePath)
    {
        if (root == "/")
        {
            return absolutePath[1..];
        }

        return absolutePath.StartsWith(root, StringComparison.Ordinal) && absolutePath.Length > root.Length && absolutePath[root.Length] == '/'
            ? absolutePath[(root.Length + 1)..]
            : absolutePath;
    }

    private IgnoreMatch Match(IgnoreDirectory directory, ReadOnlySpan<char> absolutePath, bool isDirectory)
    {
        var anyGit = !_options.RequireGit || directory.InRepository;
        var sawGit = false;
        var custom = IgnoreMatch.None;
        var dot = IgnoreMatch.None;
        var git = IgnoreMatch.None;
        var exclude = IgnoreMatch.None;
        for (var d = directory; d is not null; d = d.Parent)
        {
            if (d.IsAbsoluteParent && !_options.IgnoreParent)
            {
                break;
            }

            var relative = d.Relative(absolutePath);
            if (custom == IgnoreMatch.None && d.Rgignore is { } rg)
            {
                custom = rg.Match(relative, isDirectory);
            }

            if (dot == IgnoreMatch.None && d.Ignore is { } ig)
            {
                dot = ig.Match(relative, isDirectory);
            }

            // A repository's .gitignore files stop at its root, unless --no-require-git (rg 15 then
            // keeps ascending and applies the .gitignore files above it too).
            if (anyGit && !(sawGit && _options.RequireGit))
            {
                if (git == IgnoreMatch.None && d.Gitignore is { } gi)
                {
                    git = gi.Match(relative, isDirectory);
                }

                if (exclude == IgnoreMatch.None && d.Exclude is { } ex)
                {
                    exclude = ex.Match(relative, isDirectory);
                }
            }

            sawGit |= d.HasGit;
        }

        var global = IgnoreMatch.None;
        if (anyGit && _global is not null)
        {
            global = _global.Match(RelativeToWorkingDirectory(absolutePath), isDirectory);
        }

        var explicitFiles = IgnoreMatch.None;
        for (var i = _explicit.Count - 1; i >= 0 && explicitFiles == IgnoreMatch.None; i--)
        {
            explicitFiles = _explicit[i].File.Match(RelativeTo(_explicit[i].Root, absolutePath), isDirectory);
        }

        return custom != IgnoreMatch.None ? custom :
            dot != IgnoreMatch.None ? dot :
            git != IgnoreMatch.None ? git :
            exclude != IgnoreMatch.None ? exclude :
            global != IgnoreMatch.None ? global :
            explicitFiles;
    }
}
