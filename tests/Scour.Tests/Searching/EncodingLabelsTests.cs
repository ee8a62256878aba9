using Scour.Searching;

namespace Scour.Tests.Searching;

/// <summary>Labels and the encodings the WHATWG Encoding Standard assigns them (checked against the standard's table).</summary>
public sealed class EncodingLabelsTests
{
    [Theory]
    [InlineData("latin1", "windows-1252")]
    [InlineData("ISO-8859-1", "windows-1252")]
    [InlineData("ascii", "windows-1252")]
    [InlineData(" utf8 ", "utf-8")]
    [InlineData("unicode-1-1-utf-8", "utf-8")]
    [InlineData("utf-16", "utf-16")]
    [InlineData("UTF-16BE", "utf-16BE")]
    [InlineData("sjis", "Shift_JIS")]
    [InlineData("csshiftjis", "Shift_JIS")]
    [InlineData("koi8", "KOI8-R")]
    [InlineData("koi8-u", "KOI8-U")]
    [InlineData("gb2312", "GBK")]
    [InlineData("x-gbk", "GBK")]
    [InlineData("big5-hkscs", "Big5")]
    [InlineData("cp1251", "windows-1251")]
    [InlineData("iso-8859-8-i", "ISO-8859-8-I")]
    [InlineData("korean", "EUC-KR")]
    [InlineData("latin6", "ISO-8859-10")]
    [InlineData("x-user-defined", "x-user-defined")]
    public void Resolves_whatwg_labels(string label, string name) =>
        Assert.Equal(name, EncodingLabels.Resolve(label).WebName, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Unknown_labels_are_named_in_the_error() =>
        Assert.StartsWith("unknown encoding: latin-1", Assert.Throws<ArgumentException>(() => EncodingLabels.Resolve("latin-1")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("iso-2022-kr")]
    [InlineData("hz-gb-2312")]
    [InlineData("replacement")]
    public void Labels_of_the_replacement_encoding_are_unknown_as_in_rg(string label) =>
        Assert.StartsWith($"unknown encoding: {label}", Assert.Throws<ArgumentException>(() => EncodingLabels.Resolve(label)).Message, StringComparison.Ordinal);

    [Fact]
    public void Invalid_input_decodes_to_the_replacement_character() =>
        Assert.Equal("a\uFFFD", EncodingLabels.Resolve("utf-8").GetString([(byte)'a', 0xFF]));
}
