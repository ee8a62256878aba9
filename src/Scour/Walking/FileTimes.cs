namespace Scour.Walking;

/// <summary>
/// A file's modification, access or creation time (following links) in nanoseconds since the epoch,
/// for the time sorts. On Linux it comes from <c>statx(2)</c> by the path's own bytes, so names that
/// are not UTF-8 (which .NET's file APIs cannot open) get their times too; elsewhere from <see cref="FileInfo"/>.
/// </summary>
internal static class FileTimes
{
    /// <summary>The time <paramref name="order"/> sorts by, or null when it cannot be read.</summary>
    public static unsafe long? Of(string path, WalkOrder order)
    {
        if (!Searching.NativeFile.Available)
        {
            try
            {
                var info = new FileInfo(path);
                return !info.Exists ? null : (order switch
                {
                    WalkOrder.Modified => info.LastWriteTimeUtc,
                    WalkOrder.Accessed => info.LastAccessTimeUtc,
                    _ => info.CreationTimeUtc,
                } - DateTime.UnixEpoch).Ticks * 100;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        var b = stackalloc byte[Statx.BufferSize];
        if (!Statx.Read(Statx.CurrentDirectory, path, 0, b))
        {
            return null;
        }

        return order switch
        {
            WalkOrder.Modified => Statx.TimeNs(b, Statx.ModifyTime),
            WalkOrder.Accessed => Statx.TimeNs(b, Statx.AccessTime),
            _ => Statx.HasBirthTime(b) ? Statx.TimeNs(b, Statx.BirthTime) : null,
        };
    }
}
