using System.Numerics;

namespace Scour.Indexing;

/// <summary>
/// One tree's index opened for a search: the table and its posting segments, all checked. Answers
/// which documents may hold a match of a trigram query.
/// </summary>
internal sealed class IndexedTree : IDisposable
{
    private readonly PostingSegment[] _segments;

    private IndexedTree(string folder, TreeTable table, PostingSegment[] segments)
    {
        Folder = folder;
        Table = table;
        _segments = segments;
    }

    public string Folder { get; }

    public TreeTable Table { get; }

    /// <summary>
    /// Opens the index of <paramref name="root"/>; null when there is none or it is damaged. Damage is
    /// reported through <paramref name="onDamage"/> once (until the next build), and the search then
    /// reads every file itself.
    /// </summary>
    public static IndexedTree? TryOpen(IndexStore store, string root, Action<string> onDamage)
    {
        var folder = store.FolderOf(root);
        var segments = new List<PostingSegment>();
        TreeTable? table = null;
        try
        {
            table = TreeTable.Read(Path.Join(folder, IndexStore.TableName));
            if (table.Root != root)
            {
                table.Dispose();
                return null;
            }

            foreach (var s in table.Segments)
            {
                segments.Add(PostingSegment.Open(Path.Join(folder, PostingSegment.FileName(s.Id)), s));
            }

            return new IndexedTree(folder, table, [.. segments]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            foreach (var s in segments)
            {
                s.Dispose();
            }

            table?.Dispose();

            // A table replaced between reading it and opening its segments is an update, not damage.
            if (e is InvalidDataException && NoteDamageOnce(folder))
            {
                onDamage($"the index of {root} is damaged and is not used (run 'scour index {root}' to rebuild it): {e.Message}");
            }

            return null;
        }
    }

    private static bool NoteDamageOnce(string folder)
    {
        try
        {
            using var marker = new FileStream(Path.Join(folder, IndexStore.CorruptionNoted), FileMode.CreateNew);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// The documents that may hold a match (a bit per document; a file may match when one of its
    /// documents is set), or null when the query rules out too few files for the index to be worth
    /// using. With <paramref name="withinLines"/> (no match crosses a line terminator) each chunk of a
    /// file is asked on its own; otherwise the file's chunks count as one.
    /// </summary>
    public ulong[]? Candidates(TrigramQuery query, bool withinLines, double maxShare)
    {
        var docs = new ulong[(Table.NextDoc + 63) / 64];
        var chunked = withinLines ? null : ChunkedFiles();
        foreach (var segment in _segments)
        {
            var found = Evaluate(query, segment, chunked);
            for (var i = 0; i < docs.Length; i++)
            {
                docs[i] |= found[i];
            }
        }

        long live = 0, candidates = 0;
        foreach (ref readonly var n in Table.Nodes)
        {
            if (n.Has(NodeFlags.Indexed))
            {
                live++;
                candidates += n.AnyDoc(docs) ? 1 : 0;
            }
        }

        return candidates > live * maxShare ? null : docs;
    }

    // The files indexed as more than one document.
    private List<(int Doc, int Count)> ChunkedFiles()
    {
        var list = new List<(int, int)>();
        foreach (ref readonly var n in Table.Nodes)
        {
            if (n.Has(NodeFlags.Indexed) && n.ChildCount > 1)
            {
                list.Add((n.Doc, n.ChildCount));
            }
        }

        return list;
    }

    // With `chunked`, a trigram found in one chunk of a file counts for all of its chunks.
    private ulong[] Evaluate(TrigramQuery query, PostingSegment segment, List<(int Doc, int Count)>? chunked)
    {
        var words = (Table.NextDoc + 63) / 64;
        switch (query)
        {
            case GramQuery gram:
                var docs = new ulong[words];
                segment.AddDocs(gram.Key, docs);
                foreach (var (first, count) in chunked ?? [])
                {
                    if (IndexNode.AnyDoc(docs, first, count))
                    {
                        for (var d = first; d < first + count; d++)
                        {
                            docs[d >> 6] |= 1UL << (d & 63);
                        }
                    }
                }

                return docs;
            case AndQuery and:
                // The rarest trigram first. Once few documents are left, a much commoner trigram is not
                // worth decoding: leaving a term out only admits more documents, never fewer.
                ulong[]? result = null;
                long left = long.MaxValue;
                foreach (var (item, count) in and.Items.Select(q => (q, q is GramQuery g ? segment.Count(g.Key) : int.MaxValue)).OrderBy(p => p.Item2))
                {
                    if (result is not null && left <= 64 && count > 32 * Math.Max(left, 1))
                    {
                        break;
                    }

                    var next = Evaluate(item, segment, chunked);
                    if (result is null)
                    {
                        result = next;
                    }
                    else
                    {
                        for (var i = 0; i < words; i++)
                        {
                            result[i] &= next[i];
                        }
                    }

                    left = Count(result);
                    if (left == 0)
                    {
                        break;
                    }
                }

                return result ?? AllOf(segment, words);
            case OrQuery or:
                var union = new ulong[words];
                foreach (var item in or.Items)
                {
                    var next = Evaluate(item, segment, chunked);
                    for (var i = 0; i < words; i++)
                    {
                        union[i] |= next[i];
                    }
                }

                return union;
            default:
                return query == TrigramQuery.None ? new ulong[words] : AllOf(segment, words);
        }
    }

    private static ulong[] AllOf(PostingSegment segment, int words)
    {
        var docs = new ulong[words];
        for (var d = segment.FirstDoc; d < segment.EndDoc; d++)
        {
            docs[d >> 6] |= 1UL << (d & 63);
        }

        return docs;
    }

    /// <summary>The number of set bits (documents) in <paramref name="docs"/>.</summary>
    public static long Count(ulong[] docs) => docs.Sum(w => (long)BitOperations.PopCount(w));

    public void Dispose()
    {
        foreach (var s in _segments)
        {
            s.Dispose();
        }

        Table.Dispose();
    }
}
