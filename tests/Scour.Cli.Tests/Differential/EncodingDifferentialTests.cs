using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// Every <c>-E</c> encoding decoded by scour and by rg 15.2 (encoding_rs): a file with every byte
/// (single-byte encodings) or every lead and trail byte pair (multi-byte ones) on its own line, and
/// 150 seeded random files of lead and trail bytes, ASCII, newlines, escape sequences and four-byte
/// gb18030 sequences, ending anywhere. Each encoding is one run of each tool over its directory: the
/// printed lines must be the same bytes.
/// </summary>
public sealed class EncodingDifferentialTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-encodings-" + Guid.NewGuid().ToString("N")[..8]);

    public EncodingDifferentialTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly string[] MultiByte = ["shift_jis", "euc-jp", "iso-2022-jp", "gbk", "gb18030", "big5", "euc-kr"];

    private static readonly string[] SingleByte =
    [
        "ibm866", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8",
        "iso-8859-8-i", "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-15", "iso-8859-16", "koi8-r", "koi8-u",
        "macintosh", "windows-874", "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
        "windows-1255", "windows-1256", "windows-1257", "windows-1258", "x-mac-cyrillic", "x-user-defined",
    ];

    public static TheoryData<string> Encodings => new([.. MultiByte, .. SingleByte, "utf-16le", "utf-16be", "utf-8"]);

    [OracleTheory("rg")]
    [MemberData(nameof(Encodings))]
    public void Files_decode_to_the_bytes_rg_prints(string encoding)
    {
        var dir = Path.Combine(_root, encoding);
        Directory.CreateDirectory(dir);
        var every = new List<byte>();
        if (MultiByte.Contains(encoding))
        {
            for (var lead = 0x80; lead <= 0xFF; lead++)
            {
                for (var trail = 0; trail <= 0xFF; trail++)
                {
                    every.AddRange([(byte)lead, (byte)trail, (byte)'\n']);
                }
            }
        }
        else
        {
            for (var b = 0; b <= 0xFF; b++)
            {
                every.AddRange([(byte)b, (byte)'\n']);
            }
        }

        File.WriteAllBytes(Path.Combine(dir, "every"), [.. every]);
        var random = new Random(encoding.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
        for (var i = 0; i < 150; i++)
        {
            var bytes = RandomBytes(random);
            if (encoding.StartsWith("utf-16", StringComparison.Ordinal) && bytes.Length % 2 == 1)
            {
                // After an unpaired high surrogate, .NET reports a trailing odd byte as a second U+FFFD
                // where encoding_rs reports one (docs/compatibility.md).
                bytes = bytes[..^1];
            }

            File.WriteAllBytes(Path.Combine(dir, $"r{i:D3}"), bytes);
        }

        string[] args = ["-a", "-N", "--sort", "path", "-E", encoding, "", dir];
        var expected = CommandRunner.Run(Oracle.Require("rg"), args, _root);
        var actual = ScourBinary.Run(_root, args);
        Assert.Equal(expected.ExitCode, actual.ExitCode);
        var expectedLines = expected.StdoutText.Split('\n');
        var actualLines = actual.StdoutText.Split('\n');
        var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], -1);
        Assert.True(first < 0 && expectedLines.Length == actualLines.Length,
            first < 0 ? $"rg printed {expectedLines.Length} lines, scour {actualLines.Length}" : $"line {first + 1}: rg {Escape(expectedLines[first])}, scour {Escape(actualLines[first])}");
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new List<byte>();
        for (var i = random.Next(1, 60); i > 0; i--)
        {
            switch (random.Next(20))
            {
                case < 6: bytes.Add((byte)random.Next(0x20, 0x7F)); break;
                case < 8: bytes.Add((byte)'\n'); break;
                case 8: bytes.Add(0x1B); break;
                case 9: bytes.AddRange(Escapes[random.Next(Escapes.Length)]); break;
                case 10: bytes.AddRange([(byte)random.Next(0x81, 0xFF), (byte)random.Next(0x30, 0x3A), (byte)random.Next(0x81, 0xFF), (byte)random.Next(0x30, 0x3A)]); break;
                default: bytes.Add((byte)random.Next(0x80, 0x100)); break;
            }
        }

        bytes.RemoveAll(b => b == 0); // a NUL would make the file binary: -a searches it, but keep the lines comparable
        return [.. bytes];
    }

    private static readonly byte[][] Escapes = [[0x1B, 0x24, 0x42], [0x1B, 0x24, 0x40], [0x1B, 0x28, 0x42], [0x1B, 0x28, 0x4A], [0x1B, 0x28, 0x49]];

    private static string Escape(string text) => string.Concat(text.Select(c => c < 0x80 && !char.IsControl(c) ? c.ToString() : $"\\u{(int)c:X4}"));
}
