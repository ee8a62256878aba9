namespace Scour.Walking;

/// <summary>
/// The <c>-g/--glob</c> globs: gitignore-style lines where a plain glob includes and a <c>!</c> glob
/// excludes. They beat every ignore file; when any including glob exists, a file that matches none is
/// excluded (directories are still walked). Paths are relative to the working directory.
/// </summary>
public sealed class GlobOverrides
{
    private readonly GlobSet _set = new();
    private readonly List<bool> _excludes = [];
    private readonly bool _anyInclude;

    /// <summary>Compiles globs; throws <see cref="GlobSyntaxException"/> for a malformed one.</summary>
    /// <param name="globs">Each glob with whether it ignores case (<c>--iglob</c>).</param>
    public GlobOverrides(IEnumerable<(string Glob, bool CaseInsensitive)> globs)
    {
        ArgumentNullException.ThrowIfNull(globs);
        var line = 0;
        foreach (var (glob, ci) in globs)
        {
            if (IgnoreFile.ParseRule(glob, ++line, ci, alternates: true) is not { } rule)
            {
                continue;
            }

            _set.Add(rule.Glob, rule.BasenameOnly, rule.DirectoryOnly);
            _excludes.Add(rule.Negated);
            _anyInclude |= !rule.Negated;
        }
    }

    /// <summary>True when there are no globs.</summary>
    public bool IsEmpty => _set.Count == 0;

    /// <summary>Whitelist, Ignore, or None (decided by the other rules).</summary>
    public IgnoreMatch Match(ReadOnlySpan<char> relativePath, bool isDirectory)
    {
        var last = _set.LastMatch(relativePath, isDirectory);
        if (last >= 0)
        {
            return _excludes[last] ? IgnoreMatch.Ignore : IgnoreMatch.Whitelist;
        }

        return _anyInclude && !isDirectory ? IgnoreMatch.Ignore : IgnoreMatch.None;
    }
}
