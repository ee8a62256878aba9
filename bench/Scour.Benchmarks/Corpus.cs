using System.Text;
using Scour.Matching;
using Scour.Matching.Lines;

namespace Scour.Benchmarks;

/// <summary>
/// The text the micro-benchmarks search: English prose from the peer corpus when it exists
/// (<c>SCOUR_CORPORA</c>, the first 16 MiB of en.txt, or ru.txt for Cyrillic), otherwise a generated
/// stand-in with the same line lengths, so the benchmarks run anywhere.
/// </summary>
public static class Corpus
{
    public const int Size = 16 * 1024 * 1024;

    public static byte[] English { get; } = Load("en.txt", "The quick brown fox jumps over the lazy dog; Sherlock Holmes said nothing. ");

    public static byte[] Russian { get; } = Load("ru.txt", "Съешь же ещё этих мягких французских булок, да выпей чаю. Русская пословица. ");

    /// <summary>Walks every matching line of <paramref name="text"/>, as the searcher asks a matcher for them.</summary>
    internal static int CountMatchingLines(LineMatcher matcher, byte[] text)
    {
        matcher.SetRegion(text, 0, text.Length);
        var count = 0;
        var pos = 0;
        while (matcher.NextMatchingLine(pos, out _, out var end))
        {
            count++;
            pos = end;
        }

        return count;
    }

    private static byte[] Load(string name, string fallbackLine)
    {
        var dir = Environment.GetEnvironmentVariable("SCOUR_CORPORA") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "corpora");
        var path = Path.Combine(dir, name);
        if (File.Exists(path))
        {
            using var file = File.OpenRead(path);
            var buffer = new byte[Size];
            var read = file.ReadAtLeast(buffer, Size, throwOnEndOfStream: false);
            var lastNewline = buffer.AsSpan(0, read).LastIndexOf((byte)'\n');
            return buffer[..(lastNewline + 1)];
        }

        var sb = new StringBuilder(Size);
        for (var i = 0; sb.Length < Size / 2; i++)
        {
            sb.Append(fallbackLine).Append(i).Append('\n');
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
