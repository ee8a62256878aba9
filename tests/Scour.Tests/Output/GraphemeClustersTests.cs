using System.Text;
using Scour.Output;

namespace Scour.Tests.Output;

/// <summary>Extended grapheme clusters (UAX #29) as --max-columns-preview counts them; each expectation worked out from the rules.</summary>
public class GraphemeClustersTests
{
    [Theory]
    [InlineData("abc", 1, 1)]
    [InlineData("e\u0301x", 1, 3)]                       // GB9: a combining mark joins its base
    [InlineData("\r\nx", 1, 2)]                          // GB3: CR LF is one
    [InlineData("\r\u0301", 1, 1)]                       // GB4: nothing joins a control
    [InlineData("\U0001F1FA\U0001F1F8\U0001F1FA", 1, 8)] // GB12: regional indicators pair up
    [InlineData("\U0001F1FA\U0001F1F8\U0001F1FA", 2, 12)]
    [InlineData("\U0001F468\u200D\U0001F469x", 1, 11)]   // GB11: an emoji ZWJ sequence is one
    [InlineData("a\u200D\U0001F469", 1, 4)]              // GB9 then GB999: a ZWJ after a letter joins it, the emoji does not
    [InlineData("\u1100\u1161\u11A8x", 1, 9)]            // GB6, GB7: a Hangul syllable from jamo
    [InlineData("\u0600ab", 1, 3)]                       // GB9b: a prepended mark joins what follows
    [InlineData("a\u0E33b", 1, 4)]                       // GB9a: a spacing mark joins
    [InlineData("ab", 5, 2)]                             // fewer clusters than asked for
    public void Clusters_end_where_the_rules_put_them(string text, int count, int end) =>
        Assert.Equal(end, GraphemeClusters.EndOf(Encoding.UTF8.GetBytes(text), count));

    [Fact]
    public void A_byte_that_is_not_utf8_is_a_cluster_of_its_own()
    {
        byte[] text = [0xC3, 0xCC, 0x81, (byte)'x']; // a lone lead byte, then U+0301
        Assert.Equal(1, GraphemeClusters.EndOf(text, 1));
        Assert.Equal(3, GraphemeClusters.EndOf(text, 2));
    }
}
