namespace Scour.Walking;

/// <summary>One line of an ignore file, compiled.</summary>
/// <param name="Glob">The pattern, without <c>!</c>, the trailing <c>/</c> or a leading <c>/</c>.</param>
/// <param name="Negated">A <c>!</c> rule re-includes what earlier rules ignored.</param>
/// <param name="DirectoryOnly">A trailing <c>/</c>: the rule matches directories only.</param>
/// <param name="BasenameOnly">No <c>/</c> in the pattern: it matches the last path component at any depth.</param>
/// <param name="Line">The 1-based line it came from.</param>
public sealed record IgnoreRule(Glob Glob, bool Negated, bool DirectoryOnly, bool BasenameOnly, int Line)
{
    /// <summary>True if the rule matches <paramref name="relativePath"/> (relative to the ignore file's directory).</summary>
    public bool IsMatch(ReadOnlySpan<char> relativePath, bool isDirectory)
    {
        if (DirectoryOnly && !isDirectory)
        {
            return false;
        }

        if (BasenameOnly)
        {
            var slash = relativePath.LastIndexOf('/');
            return Glob.IsMatch(slash < 0 ? relativePath : relativePath[(slash + 1)..]);
        }

        return Glob.IsMatch(relativePath);
    }
}
