namespace Scour.Walking;

/// <summary>One line of an ignore file, compiled.</summary>
/// <param name="Glob">The pattern, without <c>!</c>, the trailing <c>/</c> or a leading <c>/</c>.</param>
/// <param name="Negated">A <c>!</c> rule re-includes what earlier rules ignored.</param>
/// <param name="DirectoryOnly">A trailing <c>/</c>: the rule matches directories only.</param>
/// <param name="BasenameOnly">No <c>/</c> in the pattern: it matches the last path component at any depth.</param>
/// <param name="Line">The 1-based line it came from.</param>
/// <remarks>Rules are matched together by the ignore file's <see cref="GlobSet"/>, never one by one.</remarks>
public sealed record IgnoreRule(Glob Glob, bool Negated, bool DirectoryOnly, bool BasenameOnly, int Line);
