namespace Scour.Indexing;

/// <summary>Writes index files so that a reader never sees a torn one: a temporary file, flushed to disk, renamed into place.</summary>
internal static class IndexFiles
{
    public const string TempSuffix = ".tmp";

    /// <summary>Writes <paramref name="content"/> as <paramref name="path"/>, atomically.</summary>
    public static void Publish(string path, ReadOnlySpan<byte> content)
    {
        var temp = TempFor(path);
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>A temporary name beside <paramref name="path"/>, unique to this process.</summary>
    public static string TempFor(string path) => $"{path}.{Environment.ProcessId}{TempSuffix}";
}
