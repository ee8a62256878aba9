using System.Text;
using System.Text.RegularExpressions;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// <c>-P</c> against <c>rg -P</c> (rg 15.2 links PCRE2 10.45; scour loads the system's libpcre2-8): stdout,
/// stderr and exit code must be the same bytes, on files with invalid UTF-8, Latin-1, CRLF, NUL records,
/// a binary file, a 100 KB line, and a line that makes PCRE2 give up. The same cases then run with PCRE2
/// turned off (<c>SCOUR_PCRE2_LIBRARY=none</c>), where the .NET fallback must agree with rg except in the
/// ways <c>docs/compatibility.md</c> lists, and those are checked for what the fallback does instead.
/// </summary>
public sealed class Pcre2Tests : IDisposable
{
    private static readonly Dictionary<string, string> NoPcre2 = new() { ["SCOUR_PCRE2_LIBRARY"] = "none" };

    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-pcre2-" + Guid.NewGuid().ToString("N")[..8]);

    public Pcre2Tests()
    {
        Write("a.txt", "the king is singing\nthe thing\nfoo foo bar\nbar bar\nHello World\nhello again\n(a (b) c) and (d)\nthe ring bell\n"u8);
        Write("latin1.txt", [.. "caf"u8, 0xE9, .. " ol"u8, 0xE9, .. " the singing\nfoo "u8, 0xFF, 0xFE, .. " bar\nna"u8, 0xEF, .. "ve\n"u8]);
        Write("invalid.txt", [.. "foo "u8, 0xFF, .. " bar\nfoo x bar\ncaf\u00e9 "u8, 0xC3, .. " x\n"u8]);
        Write("crlf.txt", "ok line\r\nthe ring\r\nbare\n"u8);
        Write("bin.dat", "text before\nthe king\0binary\n"u8);
        Write("uni.txt", "\u00e9cole \u00e9l\u00e8ve\n\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440\nemoji \U0001F600 here \U0001F600\n"u8);
        Write("small.txt", "a\nb\nab\n"u8);
        Write("e.txt", "\u00e9\n"u8);
        Write("bt.txt", Encoding.ASCII.GetBytes("c\n" + new string('a', 40) + "b\nc again\n"));
        Write("nul.dat", "rec one\nline2\0rec two\0the king\nsings\0"u8);
        string[] words = ["the", "king", "sing", "ring", "foo", "bar", "\u00e9t\u00e9", "\u043f\u0440\u0438\u0432\u0435\u0442", "\U0001F600", "na\u00efve"];
        Write("long.txt", Encoding.UTF8.GetBytes(string.Join(' ', Enumerable.Range(0, 20000).Select(i => words[((i * 7) + (i / 3)) % words.Length])) + "\nend the thing\n"));
    }

    // Every case is run as "-P <case>" in the fixture directory.
    public static TheoryData<string> Cases => new(
    [
        // Look-around, backreferences, atomic and possessive, \K, branch reset, recursion, names, \Q..\E.
        "-n '(?<=the )\\w+ing\\b' a.txt long.txt --sort path", "-c '\\b(\\w+) \\1\\b' --sort path", "-o '\\b(\\w+) \\1\\b' a.txt",
        "-o 'foo(?= bar)' a.txt", "-o 'o(?! )' a.txt", "-o '(?<!the )\\b\\w+ing\\b' a.txt", "-o '(?>fo+)o' a.txt", "-o '\\w++' small.txt",
        "-o 'the \\Kking' a.txt", "-o '(?|(foo)|(bar))' a.txt", "-r '[$1]' '(?|(foo)|(ba)r)' a.txt", "-o '\\((?:[^()]|(?R))*\\)' a.txt",
        "-o '(?<w>\\w)\\k<w>' a.txt", "-r '${w}!' '(?<w>\\w)\\k<w>' a.txt", "-o '\\Qo.\\E|\\Q(b)\\E' a.txt",
        // Unicode properties and grapheme clusters.
        "-o '\\p{Cyrillic}+' uni.txt", "-o '\\p{Lu}\\p{Ll}+' uni.txt", "-o '\\X' uni.txt", "-c '\\w' uni.txt",
        // Case, words, lines, inversion, counting, empty matches, replacements.
        "-i 'HELLO' a.txt", "-S 'Hello' a.txt", "-S 'hello' a.txt", "-S '\\p{Lu}' a.txt", "-w 'bar' a.txt", "-w -o 'a*' small.txt",
        "-x 'bar bar' a.txt", "-x -c '\\w+ \\w+' a.txt", "-v 'the' a.txt", "-v -c 'the' a.txt",
        "--count-matches '\\w+' a.txt uni.txt --sort path", "-o 'x*' small.txt", "--json 'x*' e.txt", "--count-matches 'x*' e.txt", "-r '$0$0' a small.txt", "-r '<$1>' '(\\w+)ing' a.txt",
        // Output shapes.
        "--json '(?<=the )\\w+' a.txt", "--json -U 'king\\n(?=the)' a.txt long.txt --sort path", "--vimgrep 'the' a.txt",
        "--color always -n '(?<=the )\\w+' a.txt", "-C1 'king' a.txt", "-m1 -A1 'the' a.txt",
        // After -m's last match, rg -P prints a matching after-context line as context (its PCRE2 search
        // is not the fast line searcher that prints it as a match).
        "-n -m1 -A1 'the' a.txt",
        // Multiline: look-behind across lines, dot-all.
        "-U -n 'g\\n(?=the)' a.txt", "-U -o '(?<=g\\n)the' a.txt", "-U --multiline-dotall -c 'king.the' a.txt", "-U -c 'king (?=\\w)' long.txt",
        // A printed line's matches are found with the lines before it in view, as rg's printer finds them.
        "-o '(?<=\\s)\\w' small.txt a.txt --sort path", "-o '\\Aa' small.txt", "-c '(?<=\\n)a' small.txt",
        // -F, several patterns, --crlf.
        "-F -o 'o.' a.txt", "-F -o '(b)' a.txt", "-e foo -e '(?<=the )r\\w+' a.txt",
        "--crlf -n 'ring$' crlf.txt", "--crlf -o '\\s$' crlf.txt", "-c '\\r$' crlf.txt", "-n 'ring$' crlf.txt",
        // Bytes that are not UTF-8: no match includes or crosses one; Latin-1 text; --no-unicode is bytes.
        "-o 'foo.*' invalid.txt", "-o 'o.' invalid.txt", "'foo \\S bar' invalid.txt", "-r X 'o.' invalid.txt", "--json 'o.' invalid.txt",
        "-o '.' latin1.txt", "-o '[^a-z ]+' latin1.txt", "--no-unicode -o 'caf.' latin1.txt", "--no-unicode -o '\\w+' uni.txt",
        // Binary files, a long line, NUL-separated records.
        "king bin.dat", "-a -o 'king.' bin.dat", "--binary -n king bin.dat", "-c 'the' long.txt", "-o 'end \\w+' long.txt",
        "--null-data -o 'line2|rec \\w+' nul.dat", "--null-data -o 'sings$' nul.dat", "--null-data --json 'two$' nul.dat", "--null-data -n '^the' nul.dat", "-U --null-data -c 'king\\nsings' nul.dat",
        // PCRE2 gives up on a line (its match limit): that file fails, the others are searched.
        "-n '(a+)+$|c' bt.txt", "-n '(a+)+$|c' bt.txt small.txt -j1",
        // Compile errors, with the offset in the pattern as rg wraps it (messages that PCRE2 10.42 and 10.45 share).
        "'a(' a.txt", "-w 'a(' a.txt", "-x 'a)' a.txt", "'\\ca\\c' a.txt",
        // --engine auto: the default engine first, PCRE2 when it cannot read the pattern.
        "--engine auto -o 'k(?=ing)' a.txt", "--engine auto -c 'k\\w+' a.txt", "--engine auto 'a(?=b' a.txt",
    ]);

    // Without PCRE2: what the .NET engine rejects, by the construct's name.
    private static readonly Dictionary<string, string> RejectedWithoutPcre2 = new()
    {
        ["-o '\\w++' small.txt"] = "possessive quantifiers (write an atomic group (?>...) instead)",
        ["-o 'the \\Kking' a.txt"] = "\\K (match start reset)",
        ["-o '(?|(foo)|(bar))' a.txt"] = "branch reset groups",
        ["-r '[$1]' '(?|(foo)|(ba)r)' a.txt"] = "branch reset groups",
        ["-o '\\((?:[^()]|(?R))*\\)' a.txt"] = "recursion and subroutine calls",
        ["-o '\\X' uni.txt"] = "\\X (extended grapheme clusters)",
    };

    // Without PCRE2: the documented differences, each with what the fallback prints instead (worked out by
    // hand from the rule it follows, not copied from a run).
    // An expected output starting with "~" is a part of the output rather than all of it.
    private static readonly Dictionary<string, (string Stdout, int ExitCode)> DifferentWithoutPcre2 = new()
    {
        // Look-behind and \A see only the line (or the multiline unit), never the lines before it: a match
        // that needs them is not found, and \A matches at the start of every line. The unit -U found
        // then has no match to show, and rg's printer prints such a unit's lines whole, -o or not (as it
        // prints the last line of a file without a terminator for `rg -o '$'`).
        ["-U -o '(?<=g\\n)the' a.txt"] = ("the thing\n", 0),
        ["-o '(?<=\\s)\\w' small.txt a.txt --sort path"] = ("a.txt:k\na.txt:i\na.txt:s\na.txt:t\na.txt:f\na.txt:b\na.txt:b\na.txt:W\na.txt:a\na.txt:c\na.txt:a\na.txt:r\na.txt:b\n", 0),
        ["-o '\\Aa' small.txt"] = ("a\na\n", 0),
        // .NET's "$" does not match before a bare "\n" that --crlf leaves on a line.
        ["--crlf -o '\\s$' crlf.txt"] = ("", 1),
        // --no-unicode has no effect: .NET matches decoded characters, never single bytes, and its \w is
        // Unicode's.
        ["--no-unicode -o 'caf.' latin1.txt"] = ("", 1),
        ["--no-unicode -o '\\w+' uni.txt"] = ("\u00e9cole\n\u00e9l\u00e8ve\n\u041f\u0440\u0438\u0432\u0435\u0442\n\u043c\u0438\u0440\nemoji\nhere\n", 0),
        // After an empty match .NET steps a character, PCRE2 a byte: in "é" (two bytes) rg finds three
        // empty matches (at 0, 1 and 2), the fallback two.
        ["--count-matches 'x*' e.txt"] = ("2\n", 0),
        ["--json 'x*' e.txt"] = ("~\"submatches\":[{\"match\":{\"text\":\"\"},\"start\":0,\"end\":0},{\"match\":{\"text\":\"\"},\"start\":2,\"end\":2}]", 0),
        // -U --null-data: records are matched with NUL and "\n" exchanged.
        ["-U --null-data -c 'king\\nsings' nul.dat"] = ("", 1),
    };

    [Pcre2Theory]
    [MemberData(nameof(Cases))]
    public void Same_bytes_as_rg_P(string commandLine)
    {
        var args = ArgSplitter.Split("-P " + commandLine);
        var scour = CommandRunner.Run(DropInRg.Executable, args, _root);
        var rg = OracleRuns.Until(() => CommandRunner.Run(Oracle.Require("rg"), args, _root), r => Same(r, scour));
        AssertSame(commandLine, rg, scour);
    }

    [OracleTheory("rg")]
    [MemberData(nameof(Cases))]
    public void Without_pcre2_the_fallback_agrees_or_differs_as_documented(string commandLine)
    {
        var args = ArgSplitter.Split("-P " + commandLine);
        var scour = CommandRunner.Run(DropInRg.Executable, args, _root, environment: NoPcre2);
        if (RejectedWithoutPcre2.TryGetValue(commandLine, out var construct))
        {
            Assert.Equal(($"rg: PCRE2: {construct} is not supported by scour's backtracking engine\n", 2, ""), (scour.Stderr, scour.ExitCode, scour.StdoutText));
            return;
        }

        if (DifferentWithoutPcre2.TryGetValue(commandLine, out var expected))
        {
            if (expected.Stdout.StartsWith('~'))
            {
                Assert.Contains(expected.Stdout[1..], scour.StdoutText, StringComparison.Ordinal);
                Assert.Equal(expected.ExitCode, scour.ExitCode);
                return;
            }

            Assert.Equal(expected, (scour.StdoutText, scour.ExitCode));
            return;
        }

        if (commandLine.StartsWith("-n '(a+)+$|c'", StringComparison.Ordinal))
        {
            // No match limit in .NET: a time limit per line fails the file instead, named as PCRE2's does.
            Assert.Equal(2, scour.ExitCode);
            Assert.Contains("rg: bt.txt: error matching: match time limit exceeded", scour.Stderr, StringComparison.Ordinal);
            return;
        }

        var rg = OracleRuns.Until(() => CommandRunner.Run(Oracle.Require("rg"), args, _root), r => Same(r, scour));
        if (rg.Stderr.StartsWith("rg: PCRE2: error compiling pattern", StringComparison.Ordinal) || rg.Stderr.Contains("PCRE2 regex engine error", StringComparison.Ordinal))
        {
            // Compile errors are .NET's words, still naming PCRE2 and failing the same way.
            Assert.Equal((rg.StdoutText, rg.ExitCode), (scour.StdoutText, scour.ExitCode));
            Assert.Contains("PCRE2: error compiling pattern", scour.Stderr, StringComparison.Ordinal);
            return;
        }

        AssertSame(commandLine, rg, scour);
    }

    // rg's line and scour's have the same form; scour's names the library it loaded (the system's).
    [Pcre2Fact]
    public void Pcre2_version_names_the_loaded_library()
    {
        var form = new Regex(@"^PCRE2 (\d+\.\d+) is available \(JIT is (un)?available\)\n$");
        var rg = CommandRunner.Run(Oracle.Require("rg"), ["--pcre2-version"], _root);
        var scour = CommandRunner.Run(DropInRg.Executable, ["--pcre2-version"], _root);
        Assert.Matches(form, rg.StdoutText);
        Assert.Matches(form, scour.StdoutText);
        Assert.Equal(0, scour.ExitCode);
        if (CommandRunner.Which("dpkg-query") is { } dpkg)
        {
            var package = CommandRunner.Run(dpkg, ["-W", "-f", "${Version}", "libpcre2-8-0"], _root);
            if (package.ExitCode == 0)
            {
                Assert.StartsWith(form.Match(scour.StdoutText).Groups[1].Value + "-", package.StdoutText, StringComparison.Ordinal);
            }
        }

        var version = CommandRunner.Run(DropInRg.Executable, ["--version"], _root);
        Assert.Contains("\nfeatures:+pcre2\n", version.StdoutText, StringComparison.Ordinal);
        Assert.EndsWith("\n\n" + scour.StdoutText, version.StdoutText, StringComparison.Ordinal);
    }

    // Without the library: what an rg built without PCRE2 says, exit 1 (counsel-rg probes this exit
    // code before it passes --pcre2); -P still works, on the fallback.
    [Fact]
    public void Without_pcre2_the_version_says_so_and_P_still_searches()
    {
        var r = CommandRunner.Run(DropInRg.Executable, ["--pcre2-version"], _root, environment: NoPcre2);
        Assert.Equal(("PCRE2 is not available in this build of ripgrep.\n", 1), (r.StdoutText, r.ExitCode));
        var version = CommandRunner.Run(DropInRg.Executable, ["--version"], _root, environment: NoPcre2);
        Assert.Contains("\nfeatures:-pcre2\n", version.StdoutText, StringComparison.Ordinal);
        var search = CommandRunner.Run(DropInRg.Executable, ["-P", "-o", "foo(?= bar)", "a.txt"], _root, environment: NoPcre2);
        Assert.Equal(("foo\n", 0), (search.StdoutText, search.ExitCode));
        var scour = CommandRunner.Run(ScourBinary.Executable, ["--pcre2-version"], _root, environment: NoPcre2);
        Assert.Equal("PCRE2 is not available (disabled by SCOUR_PCRE2_LIBRARY=none): -P uses .NET's backtracking engine with PCRE2's syntax.\n", scour.StdoutText);
    }

    // A library asked for by path that cannot be loaded is an error naming the variable, never a silent
    // change of engine; the default engine does not need it.
    [Fact]
    public void A_library_path_that_does_not_load_is_an_error()
    {
        var missing = new Dictionary<string, string> { ["SCOUR_PCRE2_LIBRARY"] = Path.Combine(_root, "nope.so") };
        var r = CommandRunner.Run(DropInRg.Executable, ["-P", "foo", "a.txt"], _root, environment: missing);
        Assert.Equal(("", 2), (r.StdoutText, r.ExitCode));
        Assert.Equal($"rg: PCRE2 is not available: SCOUR_PCRE2_LIBRARY={Path.Combine(_root, "nope.so")}: the library could not be loaded\n", r.Stderr);
        var plain = CommandRunner.Run(DropInRg.Executable, ["-c", "foo", "a.txt"], _root, environment: missing);
        Assert.Equal(("1\n", 0), (plain.StdoutText, plain.ExitCode));
    }

    private static bool Same(CommandResult rg, CommandResult scour) =>
        RgDifferentialTests.Normalize(rg.StdoutText) == RgDifferentialTests.Normalize(scour.StdoutText) && rg.Stderr == scour.Stderr && rg.ExitCode == scour.ExitCode;

    private static void AssertSame(string commandLine, CommandResult rg, CommandResult scour)
    {
        string Out(CommandResult r) => RgDifferentialTests.Normalize(r.StdoutText);
        Assert.True(Out(rg) == Out(scour), $"stdout differs for: -P {commandLine}\n--- rg ---\n{Out(rg)}\n--- scour ---\n{Out(scour)}");
        Assert.True(rg.Stderr == scour.Stderr, $"stderr differs for: -P {commandLine}\n--- rg ---\n{rg.Stderr}\n--- scour ---\n{scour.Stderr}");
        Assert.True(rg.ExitCode == scour.ExitCode, $"exit code differs for: -P {commandLine}: rg {rg.ExitCode}, scour {scour.ExitCode}");
    }

    private void Write(string relative, ReadOnlySpan<byte> bytes)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes.ToArray());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
