using System.Runtime.InteropServices;
using Scour.Searching;
using Scour.Walking;

namespace Scour.Indexing;

/// <summary>
/// Builds the index of one tree, or brings it up to date: records every directory and entry with
/// its stamp, reads the files that are new or changed since the last build (all of them when the
/// delta segments have grown too big) into a new posting segment, and publishes a new table that
/// names the segments in use. Only one builder runs per tree (a lock file); readers are never blocked.
/// </summary>
internal sealed class IndexBuilder
{
    /// <summary>Files larger than this are not read into the index; searches always read them.</summary>
    public const long MaxIndexedSize = 64L << 20;

    /// <summary>
    /// How far before the build's start an entry's times must be for its stamp to be trusted. Linux stamps
    /// files from a coarse clock (a tick behind), FAT to two seconds; two seconds covers both.
    /// </summary>
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    /// <summary>A file is cut into documents of about this size, each after a line terminator.</summary>
    public const int ChunkSize = 64 * 1024;

    private const int MaxSegments = 8;
    private const int PartBits = 8;
    private const long DefaultSegmentPostings = 64_000_000;
    private const int ChunkFiles = 256;

    private readonly IndexStore _store;
    private readonly string _root;
    private readonly IProgress<IndexProgress>? _progress;

    public IndexBuilder(IndexStore store, string root, IProgress<IndexProgress>? progress)
    {
        _store = store;
        _root = root;
        _progress = progress;
    }

    private sealed record PendingFile(int Node, string Path);

    /// <summary>How many postings a segment takes before the build starts the next (lower in tests).</summary>
    internal long SegmentPostings { get; init; } = DefaultSegmentPostings;

    /// <summary>Builds or updates the index; returns what was done.</summary>
    public IndexReport Run(CancellationToken cancellationToken)
    {
        var folder = _store.FolderOf(_root);
        Directory.CreateDirectory(folder);
        using var writerLock = AcquireLock(folder, cancellationToken);
        foreach (var temp in Directory.EnumerateFiles(folder, "*" + IndexFiles.TempSuffix))
        {
            File.Delete(temp); // left by a build that was killed: no live writer holds the lock
        }

        var tablePath = Path.Join(folder, IndexStore.TableName);
        TreeTable? old = null;
        string? damage = null;
        try
        {
            // A search that found damage left a note: then nothing of the old index is kept. (Damage
            // no search has met yet has decided nothing: every part is checked before it is used.)
            if (File.Exists(Path.Join(folder, IndexStore.CorruptionNoted)))
            {
                throw new InvalidDataException("a search found the index damaged");
            }

            old = File.Exists(tablePath) ? TreeTable.Read(tablePath) : null;
            foreach (var segment in old?.Segments ?? [])
            {
                PostingSegment.Open(Path.Join(folder, PostingSegment.FileName(segment.Id)), segment).Dispose();
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            damage = $"{e.Message}; every file is read again";
            old?.Dispose();
            old = null;
        }

        using var oldTable = old;

        var started = DateTime.UtcNow;
        var builtAt = ToNs(started);
        var safeTime = builtAt - (long)(RacyWindow.TotalMilliseconds * 1_000_000);
        var scan = Scan(safeTime, cancellationToken);

        // Reuse what the last build read of every file that has not changed since, unless the
        // segments already carry much that is stale or are many: then everything is read again.
        var reuse = old is not null && old.Root == _root ? OldDocuments(old) : null;
        var reused = 0;
        var pending = new List<PendingFile>();
        foreach (var (node, path) in scan.Files)
        {
            ref var n = ref CollectionsMarshal.AsSpan(scan.Nodes)[node];
            if (reuse is not null && reuse.TryGetValue(path.Relative, out var previous) && previous.SameAs(ToStamp(n)))
            {
                n.Doc = previous.Doc;
                n.ChildCount = previous.ChildCount;
                n.Flags |= NodeFlags.Indexed;
                reused++;
            }
            else
            {
                pending.Add(new PendingFile(node, path.Absolute));
            }
        }

        // A build writes its segments under its generation; updates each add a generation.
        var full = old is null || reuse is null || old.Segments.DistinctBy(s => s.Id >> PartBits).Count() >= MaxSegments || reused < old.NextDoc / 2;
        if (full && reused > 0)
        {
            pending.Clear();
            foreach (var (node, path) in scan.Files)
            {
                ref var n = ref CollectionsMarshal.AsSpan(scan.Nodes)[node];
                n.Flags &= ~NodeFlags.Indexed;
                n.Doc = -1;
                pending.Add(new PendingFile(node, path.Absolute));
            }

            reused = 0;
        }

        var firstDoc = full ? 0 : old!.NextDoc;
        var generation = (old?.Generation ?? 0) + 1;
        var segments = new List<SegmentRef>();
        if (!full)
        {
            segments.AddRange(old!.Segments);
        }

        var (endDoc, bytesRead) = (firstDoc, 0L);
        if (full || pending.Count > 0)
        {
            (endDoc, bytesRead) = ReadFiles(scan.Nodes, pending, firstDoc, safeTime, folder, generation, segments, cancellationToken);
        }

        var table = new TreeTable
        {
            Root = _root,
            Generation = generation,
            SafeTimeNs = safeTime,
            BuiltAtNs = builtAt,
            NextDoc = endDoc,
            NodeArray = [.. scan.Nodes],
            NameArray = scan.Names.ToArray(),
            Segments = [.. segments],
        };
        table.Write(tablePath);
        File.Delete(Path.Join(folder, IndexStore.CorruptionNoted));

        // Segments the new table no longer names. A search that opened the old table has its segments
        // open already (or fails to open one and then reads every file itself).
        var live = segments.Select(s => PostingSegment.FileName(s.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "postings-*.scx"))
        {
            if (!live.Contains(Path.GetFileName(file)))
            {
                File.Delete(file);
            }
        }

        return new IndexReport
        {
            Root = _root,
            Folder = folder,
            Files = scan.Files.Count,
            FilesRead = pending.Count,
            FilesReused = reused,
            BytesRead = bytesRead,
            Rebuilt = full,
            Damage = damage,
            Elapsed = DateTime.UtcNow - started,
            Generation = generation,
        };
    }

    private static FileStamp ToStamp(in IndexNode n) => new(n.Device, n.Inode, n.Size, n.ModifiedNs, n.ChangedNs, 0x8000);

    private static long ToNs(DateTime utc) => (utc - DateTime.UnixEpoch).Ticks * 100;

    // The last build's files that can be trusted: indexed, not racy, by relative path.
    private static Dictionary<string, IndexNode> OldDocuments(TreeTable old)
    {
        var map = new Dictionary<string, IndexNode>(StringComparer.Ordinal);
        var directories = old.DirectoryPaths();
        for (var i = 0; i < old.Nodes.Length; i++)
        {
            var n = old.Nodes[i];
            if (n.Kind == NodeKind.File && n.Has(NodeFlags.Indexed) && !n.Has(NodeFlags.Racy) && directories[n.Parent] is { } dir)
            {
                map[Walker.Join(dir, old.Name(i))] = n;
            }
        }

        return map;
    }

    private static FileStream AcquireLock(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Join(folder, IndexStore.LockName);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                Thread.Sleep(100); // another build or the watcher is writing this index
            }
        }
    }

    private sealed class ScanResult
    {
        public List<IndexNode> Nodes { get; } = [];

        public MemoryStream Names { get; } = new();

        public List<(int Node, (string Relative, string Absolute) Path)> Files { get; } = [];
    }

    // Every directory below the root, breadth first, so that each one's entries are contiguous.
    private ScanResult Scan(long safeTime, CancellationToken cancellationToken)
    {
        var scan = new ScanResult();
        scan.Nodes.Add(new IndexNode { Parent = -1, Kind = NodeKind.Directory, Doc = -1 });
        var queue = new Queue<(int Node, string Relative)>();
        queue.Enqueue((0, ""));
        while (queue.TryDequeue(out var item))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var absolute = item.Relative.Length == 0 ? _root : Path.Join(_root, item.Relative);
            var name = item.Node == 0 ? "" : Path.GetFileName(item.Relative);
            var stamp = FileStamp.Of(absolute);
            List<DirectoryEntry>? entries = null;
            if (stamp is { IsDirectory: true } && name != ".git")
            {
                try
                {
                    entries = DirectoryReader.Read(absolute);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Unlisted: a search reads it (and reports its error) itself.
                }
            }

            var nodes = CollectionsMarshal.AsSpan(scan.Nodes);
            ref var dir = ref nodes[item.Node];
            if (stamp is { } s)
            {
                dir.Stamp(s);
                if (s.LatestNs >= safeTime)
                {
                    dir.Flags |= NodeFlags.Racy;
                }
            }

            if (entries is null || stamp is null)
            {
                continue;
            }

            dir.Flags |= NodeFlags.Listed;
            dir.FirstChild = scan.Nodes.Count;
            dir.ChildCount = entries.Count;

            // Files are stamped by name inside the directory: no path lookup from the root for each.
            var dirfd = DirectoryHandle.Open(absolute);
            foreach (var entry in entries)
            {
                if (IgnoreRules.IsIgnoreFile(entry.Name) && WouldWarn(Path.Join(absolute, entry.Name)))
                {
                    CollectionsMarshal.AsSpan(scan.Nodes)[item.Node].Flags |= NodeFlags.HasIgnoreWarnings;
                }

                var bytes = FileNameEncoding.GetBytes(entry.Name);
                var child = new IndexNode
                {
                    Parent = item.Node,
                    NameOffset = (int)scan.Names.Length,
                    NameLength = (ushort)bytes.Length,
                    Kind = (NodeKind)entry.Kind,
                    Doc = -1,
                };
                scan.Names.Write(bytes);
                var index = scan.Nodes.Count;
                var relative = Walker.Join(item.Relative, entry.Name);
                if (child.Kind == NodeKind.Directory)
                {
                    queue.Enqueue((index, relative));
                }
                else if (child.Kind == NodeKind.File && (dirfd >= 0 ? FileStamp.Of(dirfd, bytes) : FileStamp.Of(Path.Join(_root, relative))) is { IsFile: true } stamped)
                {
                    child.Stamp(stamped);
                    child.Flags |= (stamped.LatestNs >= safeTime ? NodeFlags.Racy : 0) | (stamped.Links > 1 ? NodeFlags.MultiLink : 0);

                    scan.Files.Add((index, (relative, Path.Join(_root, relative))));
                }

                scan.Nodes.Add(child);
            }

            if (dirfd >= 0)
            {
                DirectoryHandle.Close(dirfd);
            }
        }

        return scan;
    }

    // An ignore file that is not a regular file, cannot be read, or holds a line the walk reports.
    private static bool WouldWarn(string path)
    {
        try
        {
            return !FileKind.IsRegularFile(path) || IgnoreFile.Load(path) is not { Errors.Count: 0 };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    // Reads the pending files in parallel, a chunk at a time, and adds them to segments in order: a
    // new segment once one holds SegmentPostings postings, so that a build's memory stays bounded
    // however large the tree.
    private (int EndDoc, long Bytes) ReadFiles(List<IndexNode> nodes, List<PendingFile> pending, int firstDoc, long safeTime, string folder, long generation, List<SegmentRef> segments, CancellationToken cancellationToken)
    {
        var writer = new SegmentWriter(firstDoc);
        var part = 0;
        var segmentFirst = firstDoc;
        void Flush(int endDoc)
        {
            var id = (generation << PartBits) + part++;
            writer.Write(Path.Join(folder, PostingSegment.FileName(id)), endDoc);
            segments.Add(new SegmentRef(id, segmentFirst, endDoc));
            segmentFirst = endDoc;
            writer.Reset(endDoc);
        }

        var doc = firstDoc;
        long bytes = 0;
        var results = new (List<int[]>? Chunks, FileStamp? Stamp, long Bytes)[ChunkFiles];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        for (var start = 0; start < pending.Count; start += ChunkFiles)
        {
            var count = Math.Min(ChunkFiles, pending.Count - start);
            Parallel.For(
                0,
                count,
                options,
                () => (Set: new TrigramSet(), Buffer: new byte[256 * 1024]),
                (i, _, state) =>
                {
                    results[i] = ReadOne(pending[start + i].Path, state.Set, state.Buffer);
                    return state;
                },
                _ => { });

            var span = CollectionsMarshal.AsSpan(nodes);
            for (var i = 0; i < count; i++)
            {
                ref var n = ref span[pending[start + i].Node];
                var (chunks, stamp, read) = results[i];
                bytes += read;
                if (chunks is null || stamp is not { } s)
                {
                    continue; // not indexed: every search reads it
                }

                n.Stamp(s);
                n.Flags = (n.Flags & ~(NodeFlags.Racy | NodeFlags.MultiLink)) | (s.LatestNs >= safeTime ? NodeFlags.Racy : 0) | (s.Links > 1 ? NodeFlags.MultiLink : 0) | NodeFlags.Indexed;
                n.Doc = doc;
                n.ChildCount = chunks.Count;
                foreach (var keys in chunks)
                {
                    writer.Add(doc++, keys);
                }
            }

            _progress?.Report(new IndexProgress { FilesDone = start + count, FilesTotal = pending.Count, BytesDone = bytes });
            if (writer.Postings >= SegmentPostings && part < (1 << PartBits) - 1)
            {
                Flush(doc);
            }
        }

        if (doc > segmentFirst || part == 0)
        {
            Flush(doc);
        }

        return (doc, bytes);
    }

    // One file's trigrams, chunk by chunk, and the stamp of exactly what was read; null chunks when it
    // cannot be indexed (unreadable, too large, UTF-16 with a BOM, which searches transcode, or changed
    // while read).
    private static (List<int[]>? Chunks, FileStamp? Stamp, long Bytes) ReadOne(string path, TrigramSet set, byte[] buffer)
    {
        int fd;
        try
        {
            fd = NativeFile.OpenDescriptor(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, null, 0);
        }

        try
        {
            if (FileStamp.Of(fd) is not { IsFile: true, Size: <= MaxIndexedSize } before)
            {
                return (null, null, 0);
            }

            set.Reset();
            using var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: false);
            var chunks = new List<int[]>();
            var inChunk = 0;
            long offset = 0;
            while (true)
            {
                var n = RandomAccess.Read(handle, buffer, offset);
                if (n <= 0)
                {
                    break;
                }

                if (offset == 0 && BomSniffer.Transcodes(buffer.AsSpan(0, n)))
                {
                    return (null, null, n);
                }

                // A chunk ends after the first line terminator past ChunkSize bytes (a longer line
                // stays whole), so that every line lies in one chunk.
                var piece = buffer.AsSpan(0, n);
                while (piece.Length > 0)
                {
                    var cut = inChunk + piece.Length <= ChunkSize ? -1 : piece[Math.Max(0, ChunkSize - inChunk)..].IndexOf((byte)'\n');
                    var take = cut < 0 ? piece.Length : Math.Max(0, ChunkSize - inChunk) + cut + 1;
                    set.Feed(piece[..take]);
                    inChunk += take;
                    piece = piece[take..];
                    if (cut >= 0)
                    {
                        chunks.Add(set.TakeChunk());
                        inChunk = 0;
                    }
                }

                offset += n;
            }

            if (inChunk > 0 || chunks.Count == 0)
            {
                chunks.Add(set.TakeChunk());
            }

            var after = FileStamp.Of(fd);
            return after == before && offset == before.Size ? (chunks, before, offset) : (null, null, offset);
        }
        catch (IOException)
        {
            return (null, null, 0);
        }
        finally
        {
            _ = NativeFile.Close(fd);
        }
    }
}
