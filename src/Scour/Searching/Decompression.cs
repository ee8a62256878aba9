using System.IO.Compression;

namespace Scour.Searching;

/// <summary>
/// <c>-z</c>: which files are compressed (ripgrep's extensions) and how to read them: through the
/// tool ripgrep runs, found on <c>PATH</c>, so that a corrupt or truncated file is an error exactly as
/// in ripgrep. Without the tool, gzip and brotli fall back to .NET's decoders (which cannot tell a
/// truncated file from a complete one); other formats are then searched as they are, as ripgrep does.
/// </summary>
internal static class Decompression
{
    private static readonly (string[] Suffixes, string[]? Command, Func<Stream, IByteSource>? Decoder)[] Formats =
    [
        ([".gz", ".tgz"], ["gzip", "-d", "-c"], s => new DecodingSource(new GZipStream(s, CompressionMode.Decompress), "gzip")),
        ([".br"], ["brotli", "-d", "-c"], s => new DecodingSource(new BrotliStream(s, CompressionMode.Decompress), "brotli")),
        ([".bz2", ".tbz2"], ["bzip2", "-d", "-c"], null),
        ([".xz", ".txz"], ["xz", "-d", "-c"], null),
        ([".lz4"], ["lz4", "-d", "-c"], null),
        ([".lzma"], ["xz", "--format=lzma", "-d", "-c"], null),
        ([".zst", ".zstd"], ["zstd", "-q", "-d", "-c"], null),
        ([".Z"], ["uncompress", "-c"], null),
    ];

    private static readonly Dictionary<string, string?> Located = new(StringComparer.Ordinal);

    /// <summary>The command (program resolved on PATH, arguments, no path yet) or else the in-process decoder for <paramref name="path"/>, if it is compressed.</summary>
    public static (Func<Stream, IByteSource>? Decoder, string[]? Command) For(string path)
    {
        var name = Path.GetFileName(path.AsSpan());
        foreach (var (suffixes, command, decoder) in Formats)
        {
            foreach (var suffix in suffixes)
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
                {
                    return Locate(command![0]) is { } program ? (null, [program, .. command[1..]]) : (decoder, null);
                }
            }
        }

        return (null, null);
    }

    private static string? Locate(string program)
    {
        lock (Located)
        {
            if (!Located.TryGetValue(program, out var found))
            {
                found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                    .Select(dir => Path.Combine(dir, program))
                    .FirstOrDefault(File.Exists);
                Located[program] = found;
            }

            return found;
        }
    }
}
