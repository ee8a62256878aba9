using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// Classes, properties and word assertions on text with characters outside the Basic Multilingual
/// Plane (mathematical letters, Deseret, hieroglyphs, emoji) and with bytes that are not UTF-8, where
/// .NET's UTF-16 classes see surrogates: each pattern's <c>-o</c> output and match count must be rg 15.2's.
/// </summary>
public sealed class AstralTextTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-astral-" + Guid.NewGuid().ToString("N")[..8]);

    public AstralTextTests()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "astral.txt"),
            "bold 𝐀𝐁𝐜 and 𝟘𝟙 digits\n" +
            "deseret 𐐀𐐨 case pair, hieroglyph 𓀀𓀁\n" +
            "emoji 😀 then 🔥fire and ⏰ clock 🕑\n" +
            "mixed a𝐀b x😀y 𝐀_𝐀\n" +
            "plain ascii line\n");
    }

    public static TheoryData<string> Patterns => new(
        "\\p{So}",
        "[\\p{So}a]",
        "\\P{So}+",
        "[^\\p{So}]+",
        "\\pL+",
        "\\p{Lu}",
        "\\p{Ll}+",
        "\\p{Nd}",
        "\\d",
        "\\w+",
        "\\W+",
        "\\S+",
        "[^a-z ]+",
        "[[:^alpha:]]+",
        "(?i)\\w+",
        "(?i)𐐨",
        "(?i)[𐐀-𐐁]",
        "\\<\\w",
        "\\w\\>",
        "\\b{start-half}\\w",
        "[\\w&&[^a-z]]+",
        "\\p{Emoji_Presentation}",
        ".{2}$");

    [OracleTheory("rg")]
    [MemberData(nameof(Patterns))]
    public void Matches_as_rg_on_astral_text(string pattern)
    {
        foreach (var args in new[] { new[] { "-o", pattern, "astral.txt" }, ["--count-matches", pattern, "astral.txt"] })
        {
            var scour = ScourBinary.Run(_root, args);
            var rg = CommandRunner.Run(Oracle.Require("rg"), args, _root);
            Assert.True(rg.StdoutText == scour.StdoutText, $"{string.Join(' ', args)}\n--- rg ---\n{rg.StdoutText}\n--- scour ---\n{scour.StdoutText}{scour.Stderr}");
            Assert.Equal(rg.ExitCode, scour.ExitCode);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
