using System.Text;
using Scour.Matching;

namespace Scour.Tests.Matching;

/// <summary>
/// Cases where Rust's regex reads bytes rather than characters (invalid UTF-8, stray continuation
/// bytes, <c>(?-u)</c>), run against every strategy. Each expectation is what rg 15.2 reports (<c>rg --json</c>, or <c>rg -c</c> for lines).
/// </summary>
public class ByteEngineSemanticsTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        // pattern, text ("raw:" for bytes, one per char), expected "line:start-end,...|..." as in MatcherSemanticsTests
        // An empty match may fall inside a character: rg reports one at every byte.
        { "x*", "aéb\n", "1:0-0,1-1,2-2,3-3,4-4" },

        // Before a stray continuation byte, Rust's decoder backs up to "é" and takes it as the character
        // before: a word character, so \B holds between it and "x".
        { "\\Bx", "raw:\u00C3\u00A9\u0080x\n", "1:3-4" },

        // A half boundary does not hold next to a byte that is not UTF-8 (the line is its own text).
        { "\\b{start-half}x", "raw:\u0092x\n", string.Empty },

        // With \z each line is its own text, the first or not: the stray byte belongs to no character.
        { "\\b{start-half}\\z", "raw:a\n\u0092\n", string.Empty },

        // So is a line that a required literal (x) finds, as rg confirms it alone.
        { "\\b{start-half}x", "raw:a\n\u0092x\n", string.Empty },

        // \b holds between a word character and invalid bytes.
        { "\\b\\w+\\b", "raw:\u00FFabc\u00FF\n", "1:1-4" },

        // U+200D (ZERO WIDTH JOINER) is in Unicode \w.
        { "\\b", "x\u200Dy\n", "1:0-0,5-5" },

        // (?R): $ holds before the \r of a CRLF line, which without it is an ordinary character.
        { "(?R)a$", "a\r\nb\n", "1:0-1" },
        { "a$", "a\r\nb\n", string.Empty },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_byte_engines_read_bytes_as_rg_does(string pattern, string text, string expected)
    {
        var compiled = CompiledPattern.Compile(new PatternOptions { Patterns = [pattern] });
        var bytes = text.StartsWith("raw:", StringComparison.Ordinal) ? Encoding.Latin1.GetBytes(text[4..]) : Encoding.UTF8.GetBytes(text);
        foreach (var strategy in MatcherSemanticsTests.Strategies)
        {
            using var matcher = compiled.CreateMatcher(strategy);
            Assert.Equal(expected, MatcherSemanticsTests.Describe(matcher, bytes));
        }
    }
}
