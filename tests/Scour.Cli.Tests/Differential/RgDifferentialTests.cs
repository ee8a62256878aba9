using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// Runs the same command line through ripgrep and scour in the fixture tree and compares stdout byte
/// for byte and the exit code. Without <c>--sort</c> the file order is not fixed for either tool, so
/// those cases compare the sorted lines instead.
/// </summary>
public class RgDifferentialTests
{
    public static TheoryData<string> Cases => new(
    [
        // Basic matching and default output
        "hello",
        "-n hello",
        "nothing-matches-this-xyz",
        "HELLO",
        "'hel+o'",
        "'^hello'",
        "'hello$'",
        "'world$' crlf.txt",
        "'\\bhello\\b' -n",
        "'[A-Z]+_[A-Z]+' -o",
        "'\\w+ing' -o -n",
        "'\\d+' -o src/main.rs",
        "'h.llo' -c",
        "'a|e' -c",
        "'(foo|bar)_(bar|baz)' -o",
        "'PM_RESUME'",
        "-e hello -e world -c",
        "-e '^fn' -e '^pub' -n",
        "-f patterns.txt -c",
        "'' empty.txt",
        "-c '' README.md",

        // Case
        "-i hello -c",
        "-i HELLO -n README.md",
        "-S hello -c",
        "-S Hello -n",
        "-s hello -c",
        "-i 'élève' -n unicode.txt",
        "-i 'привет' -n unicode.txt",

        // Literal, word, line, invert
        "-F 'a.b'",
        "-F '(x' -c",
        "-F hello -c",
        "-w hello -n",
        "-w 'foo_bar' -n README.md",
        "-w o -c",
        "-x 'nothing here' -n",
        "-x 'hello' -c",
        "-v hello -c",
        "-v -n hello README.md",
        "-v -x '' -c",

        // Output shapes
        "-o hello -n",
        "-o -b hello README.md",
        "--column hello -n",
        "--vimgrep hello",
        "--vimgrep -o hello",
        "-b hello -n",
        "-H hello README.md",
        "-I hello",
        "-N hello",
        "--no-filename -n hello src",
        "-0 -n hello",
        "-0 -l hello",
        "-0 -c hello",
        "--heading -n hello --sort path",
        "--heading hello --sort path",
        "--no-heading -n hello --sort path",
        "-p hello --sort path",
        "--color always hello",
        "--color always -n --heading hello --sort path",
        "--color always -o -n hello",
        "--color always o README.md",
        "--color always -n 'l' --sort path",
        "--color always --vimgrep hello",
        "--color always -c hello",
        "--color always -l hello",
        "--color never -n hello",

        // Counts and file lists
        "-c hello",
        "--count-matches hello",
        "--count-matches 'l+'",
        "-c -o hello",
        "-l hello",
        "--files-without-match hello",
        "-q hello",
        "-q nothing-matches-this-xyz",
        "-m1 hello -n",
        "-m 2 -n match context.txt",
        "-m1 -A2 match context.txt",
        "-m1 -v -n hello README.md",

        // Context
        "-A2 -n match context.txt",
        "-B2 -n match context.txt",
        "-C1 -n match context.txt",
        "-C3 match context.txt",
        "-C1 -n match context.txt README.md --sort path",
        "-A1 -B3 -n match context.txt",
        "--context-separator=XX -C1 match context.txt",
        "--no-context-separator -C1 match context.txt",
        "-v -C1 -n match context.txt",
        "-C2 -n hello --sort path",
        "--heading -C1 -n hello --sort path",

        // Sorting and threads
        "--sort path hello",
        "--sort path -n -o hello",
        "-j1 hello",
        "-j 2 -c hello",

        // Files
        "--files",
        "--files --sort path",
        "--files --hidden",
        "--files --no-ignore",
        "--files -uu --sort path",
        "--files src sub",
        "--files --max-depth 1",
        "--files --max-depth 2",
        "--files --null",

        // Filters
        "--hidden hello -c",
        "--no-ignore hello -c",
        "-u hello -c",
        "-uu hello -c",
        "--no-ignore-vcs hello -c",
        "--no-ignore-dot hello -c",
        "--no-ignore-exclude hello -c",
        "--no-ignore-parent hello -c",
        "--no-require-git hello -c",
        "--max-depth 1 hello",
        "--max-depth 0 hello",
        "hello . --sort path",
        "hello ./ --sort path",
        "hello src/ sub",
        "hello nested",
        "hello build/out.txt",
        "hello app.log",

        // Globs, types, sizes, ignore files, links (issue 3)
        "--files -g '*.rs'",
        "--files -g '!*.rs'",
        "--files -g 'src/**'",
        "--files -g '*.{rs,md}'",
        "--files -g '!{src,sub}/'",
        "--files -g '/*.txt'",
        "--files -g 'b*/*'",
        "--files -g '*.txt' -g '!c*'",
        "--files --iglob '*.css'",
        "--files --glob-case-insensitive -g '*.CSS'",
        "-g '*.md' hello",
        "--files -g '.*' --sort path",
        "--files -uu -g '!.git/'",
        "--files -t rust",
        "--files -t py -t js",
        "--files -T rust -T md",
        "--files -t all",
        "--files -t make",
        "--files -t markdown",
        "--files --hidden -t txt",
        "--files --type-add 'web:*.{js,css,CSS}' -t web",
        "--files --type-add 'mine:*.py' --type-add 'both:include:mine,rust' -t both",
        "--files --type-clear rust -t rust",
        "--type-list",
        "--type-add 'zz:*.zz' --type-list",
        "--type-clear md --type-list",
        "--files -t nope",
        "--files -g '{a'",
        "--files --max-filesize 1K",
        "--files --max-filesize 4K big",
        "--files --max-filesize 1Q",
        "--files -L",
        "-L hello -c",
        "--files -L links",
        "--files links",
        "--files --ignore-file extra.ignore",
        "--files --ignore-file extra.ignore --no-ignore-files",
        "--files --ignore-file extra.ignore --ignore-file-case-insensitive",
        "--files --ignore-file missing.ignore",
        "-t rust -c hello",
        "-T rust -l hello",

        // .rgignore over .ignore over .gitignore
        "--files prec",
        "--files --no-ignore-dot prec",
        "--files --no-ignore-vcs prec",
        "hello prec -c",

        // --json (elapsed times are blanked before comparing)
        "--json hello --sort path",
        "--json world",
        "--json -C1 match context.txt",
        "--json -n -A1 hello README.md crlf.txt --sort path",
        "--json hello invalid.txt",
        "--json -o 'caf.' invalid.txt",
        "--json hello utf16.txt bom.txt --sort path",
        "--json -i 'привет' unicode.txt",
        "--json -v hello README.md",
        "--json -w foo README.md",
        "--json -N hello README.md",
        "--json -m1 hello --sort path",
        "--json 'hel+o' -g '*.rs' --sort path",
        "--json -q hello",
        "--json nothing-matches-this",
        "--json -c hello",
        "--json -l hello",
        "--json --files",

        // Output shaping for embedders (consult, telescope, VS Code)
        "-M 20 hello --sort path",
        "-M 20 --max-columns-preview hello --sort path",
        "--color always -M 15 hello --sort path",
        "--color always -M 15 --max-columns-preview -n hello --sort path",
        "-M 12 -C1 -n match context.txt",
        "-M 1000 needle long.txt",
        "--trim -n hello --sort path",
        "--trim -o -b hello README.md",
        "--passthru -n hello README.md context.txt --sort path",
        "--passthru -v hello README.md",
        "-c --include-zero hello",
        "--count-matches --include-zero 'l+'",
        "--field-match-separator=@ --field-context-separator=% -n -C1 match context.txt",
        "--field-match-separator ' | ' -n hello --sort path",
        "--path-separator '\\' hello --sort path",
        "--path-separator '\\' --files --sort path",
        "--path-separator ab hello",
        "--crlf 'world$' crlf.txt",
        "--crlf -o 'o$' crlf.txt",
        "--crlf -n hello --sort path",
        "--crlf --json 'hello$' crlf.txt",
        "--line-buffered -n hello --sort path",
        "--block-buffered hello -c",
        "--null --line-buffered --color=never --max-columns=1000 --path-separator / --smart-case --no-heading --with-filename --line-number hello --sort path",
        "--color=never --no-heading --with-filename --line-number --column --smart-case -- hello",
        "--hidden --no-require-git --crlf --no-config --json -- world .",

        // -r/--replace (output only)
        "-r X hello --sort path",
        "-o -r '[$1]' '(h)(e)llo' --sort path",
        "-r '$1a|${1}a|$$|$2|$0|$9' '(h)ello' README.md",
        "-r '<$w>' '(?P<w>w\\w+)' README.md",
        "--color always -r Z o README.md",
        "-r Q -w hello --sort path",
        "-r '$1' -w 'h(ello)' README.md",
        "-c -r X hello",
        "-r X -v hello README.md",
        "--vimgrep -r X o README.md",
        "-r '' -n hello README.md",
        "-i -r 'HI' 'привет' unicode.txt",
        "-r '$1' 'x*' README.md",

        // --stats (durations are blanked before comparing)
        "--stats hello --sort path",
        "--stats -c hello --sort path",
        "--stats -q hello --sort path",
        "--stats -l nothing-matches-this --sort path",
        "--stats -o -n 'l+' README.md",

        // From a subdirectory: the parents' ignore files apply unless --no-ignore-parent ("@dir:" sets the working directory)
        "@sub: --files",
        "@sub: --files --no-ignore-parent",
        "@sub: hello -c",
        "@src: --files --sort path",
        "@nested/a: --files -uu",
        "@nested: --files --no-ignore-vcs",
        "@types: --files -t make",

        // Binary, encodings, odd files
        "hello bin/data.bin",
        "-n hello bin/data.bin README.md --sort path",
        "-c hello bin/data.bin",
        "-a hello bin/data.bin",
        "hello bin",
        "hello bin/late.bin",
        "-uuu hello -c",
        "--binary hello -c",
        "hello invalid.txt",
        "-o 'caf.' invalid.txt",
        "-c . invalid.txt",
        "-n hello bom.txt",
        "-b -o hello bom.txt",
        "-n hello utf16.txt",
        "-P 'hel(?=lo)' --sort path -o",
        "-P '(?<!c)hello' -c --sort path",
        "-P '(\\w)\\1' -o unicode.txt",
        "-P -i 'HELLO(?= again)' utf16.txt",
        "-P -w 'hel+o' noeol.txt",
        "-P -x 'first hello' noeol.txt",
        "-P '(?P<w>hel)(?P=w)?lo' -r '[$w]' noeol.txt",
        "--engine auto '(?<=first )hello' noeol.txt",
        "--engine default '(?<=first )hello' noeol.txt",
        "--engine pcre2 -n 'without(?! newline)|newline$' noeol.txt",
        "-P -i '\\x{48}ello' noeol.txt",
        "-P 'hello\\Q wi\\E' -c --sort path",
        "-P '[[:digit:]]+' -o context.txt",
        "-P '(?i)école' unicode.txt",
        "-P --json 'hel(?=lo)' noeol.txt",
        "-P -S Hello -c --sort path",
        "-P '\\bhello\\b' -c --sort path",
        "-P '(?<=: )\\p{Cyrillic}+' -o unicode.txt",
        "-P -e 'first' -e '(?<=last )hello' noeol.txt",
        "-P '('",
        "--colors match:fg:blue --color always hello noeol.txt",
        "--colors match:fg:0x0,0xff,0x10 --colors match:bg:yellow --colors path:style:underline --colors line:none --color always -n hello noeol.txt README.md --sort path",
        "--colors match:style:intense --colors match:bg:blue --colors column:fg:200 --color always --column hello noeol.txt",
        "--colors match:style:nobold --colors path:fg:50,100,150 --colors line:style:intense --color always -n -H hello noeol.txt",
        "--colors match:none --color always hello noeol.txt",
        "--colors match:fg:Red --colors path:bg:cyan --heading --color always hello noeol.txt",
        "--colors foo:fg:red hello noeol.txt",
        "--colors match:fg:256 --color always hello noeol.txt",
        "--colors match:style:italic hello noeol.txt",
        "--colors match hello noeol.txt",
        "-E latin1 café enc/latin1.txt",
        "-E latin1 -o 'na.ve' enc/latin1.txt",
        "-E iso-8859-1 --json crème enc/latin1.txt",
        "-E ' Latin1 ' -c . enc/latin1.txt",
        "-E latin1 --no-encoding café enc/latin1.txt",
        "-E sjis 日本 enc/sjis.txt",
        "-E shift_jis -o 'テ.' enc/sjis.txt",
        "-E koi8-r -i привет enc/koi8.txt",
        "-E koi8-r -i пока enc/koi8.txt",
        "-E windows-1251 -n . enc/koi8.txt",
        "-E none -a -c привет enc/koi8.txt",
        "-E utf-16le hello utf16.txt",
        "-E latin1 привет enc/utf16be.txt",
        "-E none -a -c hello utf16.txt",
        "-E utf-8 -o 'caf.' invalid.txt",
        "-E latin1 -o 'caf.' invalid.txt",
        "-E latin1 --sort path -n é enc",
        "-E bogus hello enc/latin1.txt",
        "needle long.txt",
        "-c 'x+' long.txt",
        "-n hello noeol.txt",
        "'without newline$' noeol.txt",
        "-n '\\pL+' -o unicode.txt",
        "-o '\\p{Lu}\\p{Ll}+' unicode.txt",
        "-o '\\w+' unicode.txt",
        "-o '.' -c unicode.txt",
        "-o '\\p{Greek}+' unicode.txt",
        "-n '\\p{Cyrillic}' unicode.txt",
        "-o '\\p{sc=Grek}+' unicode.txt",
        "-o '\\p{scx=Hira}+' unicode.txt",
        "-o '\\p{Han}+' unicode.txt",
        "-o '\\p{Script=Cyrillic}+' unicode.txt",
        "-o '\\P{Latin}+' README.md",
        "-c '[^\\p{Greek}]' unicode.txt",
        "-i -o '\\p{Greek}+' unicode.txt",
        "'\\p{NoSuchScript}'",
        "-o '\\p{Alphabetic}+' unicode.txt",
        "-o '\\p{Uppercase}+' unicode.txt",
        "-c '\\p{White_Space}' README.md",
        "-o '\\p{Emoji_Presentation}' unicode.txt",
        "-o '\\P{Alpha}+' README.md",
        "'😀' -n unicode.txt",

        // Errors and exit codes
        "hello missing.txt",
        "hello missing.txt README.md",
        "'(unclosed'",
        "'a{2,1}'",
        "'\\y'",
        "'a\\nb'",
    ]);

    // Durations in --json output differ from run to run.
    internal static string Normalize(string output)
    {
        output = System.Text.RegularExpressions.Regex.Replace(output, "\"(elapsed|elapsed_total)\":\\{[^}]*\\}", "\"$1\":{}");
        return System.Text.RegularExpressions.Regex.Replace(output, "(?m)^[0-9]+\\.[0-9]+ seconds", "T seconds");
    }

    [OracleTheory("rg")]
    [MemberData(nameof(Cases))]
    public void Matches_ripgrep(string commandLine)
    {
        var directory = FixtureTree.Root;
        if (commandLine.StartsWith('@'))
        {
            var colon = commandLine.IndexOf(':', StringComparison.Ordinal);
            directory = Path.Combine(FixtureTree.Root, commandLine[1..colon]);
            commandLine = commandLine[(colon + 1)..].Trim();
        }

        var args = ArgSplitter.Split(commandLine);
        var rg = CommandRunner.Run(Oracle.Require("rg"), args, directory);
        var scour = ScourBinary.Run(directory, args);

        var ordered = args.Contains("--sort") || args.Any(a => a.StartsWith("--sort=", StringComparison.Ordinal));
        var expected = Normalize(ordered ? rg.StdoutText : rg.SortedLines());
        var actual = Normalize(ordered ? scour.StdoutText : scour.SortedLines());
        Assert.True(expected == actual, $"stdout differs for: {commandLine}\n--- rg ---\n{expected}\n--- scour ---\n{actual}\n--- scour stderr ---\n{scour.Stderr}");
        Assert.True(rg.ExitCode == scour.ExitCode, $"exit code differs for: {commandLine}: rg {rg.ExitCode}, scour {scour.ExitCode}\nrg stderr: {rg.Stderr}\nscour stderr: {scour.Stderr}");
    }
}
