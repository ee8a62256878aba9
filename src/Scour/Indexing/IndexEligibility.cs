using Scour.Matching;
using Scour.Searching;
using Scour.Walking;

namespace Scour.Indexing;

/// <summary>
/// When an index may answer a search. It can only ever pass over files that print nothing, so it is
/// used when a file without a match prints nothing, and the bytes searched are the file's own bytes.
/// </summary>
internal static class IndexEligibility
{
    /// <summary>True when a search with these options may use an index.</summary>
    /// <param name="pattern">The compiled pattern (the default dialect has a tree to plan from; -P has none).</param>
    /// <param name="searcher">-v and --passthru print lines of files without a match; --pre, -z, -E and
    /// --null-data search other bytes than the file's.</param>
    /// <param name="walk">--follow and the time sorts walk differently.</param>
    /// <param name="silentWithoutMatch">False for output that names files without a match (-L, --include-zero).</param>
    public static bool Allows(CompiledPattern pattern, SearcherOptions searcher, WalkOptions walk, bool silentWithoutMatch) =>
        FileStamp.Supported && silentWithoutMatch && pattern.IndexTree is not null && !pattern.NeverMatches &&
        !searcher.InvertMatch && !searcher.Passthru && !searcher.NullData && searcher.Encoding is null &&
        searcher.Preprocessor is null && !searcher.SearchCompressed &&
        !walk.FollowLinks && walk.SortBy is not (WalkOrder.Modified or WalkOrder.Accessed or WalkOrder.Created) &&
        walk.Lister is null;
}
