namespace Scour.Rewriting;

/// <summary>A planned rewrite of one file: what it holds now and what it will hold.</summary>
/// <param name="DisplayPath">The path as a search prints it.</param>
/// <param name="Target">The absolute path with links resolved: the file actually rewritten.</param>
/// <param name="Status">The file's status when it was read.</param>
/// <param name="Original">The file's bytes when it was read.</param>
/// <param name="Text">The file's text as UTF-8 and its encoding.</param>
/// <param name="Updated">The rewritten text as UTF-8.</param>
/// <param name="Edits">The replacements, in order.</param>
internal sealed record FileRewrite(string DisplayPath, string Target, FileStatus Status, byte[] Original, FileText Text, byte[] Updated, IReadOnlyList<TextEdit> Edits)
{
    /// <summary>The bytes to write: the rewritten text in the file's own encoding.</summary>
    public byte[] Encoded() => Text.Encode(Updated);
}
