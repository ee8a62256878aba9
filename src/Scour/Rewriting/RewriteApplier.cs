namespace Scour.Rewriting;

/// <summary>What became of one planned rewrite.</summary>
internal enum RewriteOutcome
{
    /// <summary>The file now holds the new content.</summary>
    Written,

    /// <summary>The file changed after it was read: left as it is.</summary>
    ChangedMeanwhile,
}

/// <summary>
/// Applies planned rewrites one file at a time: journal first (original bytes and the temporary file's
/// name, flushed to disk), then the new content to a temporary file beside the original, then a rename
/// over it only if the file still holds what was read.
/// </summary>
internal sealed class RewriteApplier(RewriteJournal journal)
{
    public RewriteOutcome Apply(FileRewrite rewrite)
    {
        var updated = rewrite.Encoded();
        var temp = AtomicFile.TempPathFor(rewrite.Target);
        var id = journal.Prepare(rewrite.Target, temp, rewrite.Original, updated);
        try
        {
            AtomicFile.WriteTemp(temp, updated, rewrite.Status);
            if (!AtomicFile.CommitIfUnchanged(temp, rewrite.Target, rewrite.Status, rewrite.Original))
            {
                return RewriteOutcome.ChangedMeanwhile;
            }
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        journal.Committed(id);
        return RewriteOutcome.Written;
    }
}
