using System.Text;
using Scour.Searching;

namespace Scour.Tests.Searching;

public class BomSnifferTests
{
    public static TheoryData<byte[], byte[]> Inputs => new()
    {
        { [0xEF, 0xBB, 0xBF, .. "abc\n"u8], "abc\n"u8.ToArray() },                       // UTF-8 mark dropped
        { [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("hé\n")], "hé\n"u8.ToArray() },         // UTF-16 LE transcoded
        { [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("hé\n")], "hé\n"u8.ToArray() }, // UTF-16 BE transcoded
        { [0xEF, 0xBB, 0xBF], [] },                                                         // a mark and nothing else
        { "ab"u8.ToArray(), "ab"u8.ToArray() },                                             // shorter than a mark
        { [], [] },
        { [0xEF, 0xBB, 0x41, 0x42], [0xEF, 0xBB, 0x41, 0x42] },                             // not a mark: bytes as they are
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Reads_what_ripgrep_searches_whatever_the_read_sizes(byte[] input, byte[] expected)
    {
        var sniffer = new BomSniffer();
        foreach (var chunk in new[] { 1, 2, 5, 4096 })
        {
            foreach (var bufferSize in new[] { 1, 2, 3, 64 })
            {
                var source = sniffer.Reset(new SearcherTests.ChunkedSource(input, chunk), fallback: null);
                var output = new List<byte>();
                var buffer = new byte[bufferSize];
                int n;
                while ((n = source.Read(buffer)) > 0)
                {
                    output.AddRange(buffer.AsSpan(0, n));
                }

                Assert.Equal(expected, output.ToArray());
            }
        }
    }
}
