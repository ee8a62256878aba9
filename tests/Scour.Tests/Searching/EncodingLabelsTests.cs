using Scour.Searching;

namespace Scour.Tests.Searching;

/// <summary>Labels and the encodings the WHATWG Encoding Standard assigns them (checked against the standard's table).</summary>
public sealed class EncodingLabelsTests
{
    [Theory]
    [InlineData("latin1", 1252)]
    [InlineData("ISO-8859-1", 1252)]
    [InlineData("ascii", 1252)]
    [InlineData(" utf8 ", 65001)]
    [InlineData("unicode-1-1-utf-8", 65001)]
    [InlineData("utf-16", 1200)]
    [InlineData("UTF-16BE", 1201)]
    [InlineData("sjis", 932)]
    [InlineData("csshiftjis", 932)]
    [InlineData("koi8", 20866)]
    [InlineData("koi8-u", 21866)]
    [InlineData("gb2312", 936)]
    [InlineData("x-gbk", 936)]
    [InlineData("big5-hkscs", 950)]
    [InlineData("cp1251", 1251)]
    [InlineData("iso-8859-8-i", 38598)]
    [InlineData("korean", 949)]
    public void Resolves_whatwg_labels(string label, int codePage) =>
        Assert.Equal(codePage, EncodingLabels.Resolve(label).CodePage);

    [Fact]
    public void Unknown_labels_are_named_in_the_error() =>
        Assert.StartsWith("unknown encoding: latin-1", Assert.Throws<ArgumentException>(() => EncodingLabels.Resolve("latin-1")).Message, StringComparison.Ordinal);

    [Fact]
    public void Encodings_without_a_dotnet_implementation_say_so() =>
        Assert.Contains("ISO-8859-10 is not supported", Assert.Throws<ArgumentException>(() => EncodingLabels.Resolve("latin6")).Message, StringComparison.Ordinal);

    [Fact]
    public void Invalid_input_decodes_to_the_replacement_character() =>
        Assert.Equal("a\uFFFD", EncodingLabels.Resolve("utf-8").GetString([(byte)'a', 0xFF]));
}
