namespace Scour.Rewriting;

/// <summary>One file of a journaled rewrite: where it is, where its original bytes are kept, what it held before and after.</summary>
/// <param name="Id">The entry's number within its run (its backup is <c>Id.orig</c>).</param>
/// <param name="Path">The rewritten file's absolute, link-free path.</param>
/// <param name="Temp">The temporary file the new content was written to before the rename.</param>
/// <param name="Before">The original content's fingerprint.</param>
/// <param name="After">The rewritten content's fingerprint.</param>
internal sealed record JournalEntry(int Id, string Path, string Temp, ContentFingerprint Before, ContentFingerprint After);
