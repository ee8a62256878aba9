using System.Text;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// The command lines real editors, plugins and coding agents pass to rg (read from their source; each
/// is listed with its source in <c>docs/editors.md</c>), run by rg 15.2 and by scour linked as
/// <c>rg</c> on <see cref="EmbedderTree"/>: stdout, stderr and exit code must be the same bytes.
/// Every case runs twice: as the embedder runs it (several threads, so lines are compared sorted), and
/// with <c>-j1</c> first, where the order is fixed and compared as is.
/// </summary>
public sealed class EmbedderTests(EmbedderTree tree) : IClassFixture<EmbedderTree>
{
    private sealed record Case(string Args, string? Stdin = null, string? ConfigPath = null);

    // Keyed by "embedder: what it does"; the arguments in the embedder's own order, split as ArgSplitter does.
    private static readonly Dictionary<string, Case> Cases = new()
    {
        // VS Code text search (ripgrepTextSearchEngine.ts): always --crlf, --no-config and --json.
        ["vscode: literal"] = new("--hidden --no-require-git --case-sensitive --crlf --fixed-strings --no-config --no-ignore-global --json -- needle ."),
        ["vscode: literal, ignore case, follow, globs"] = new("--hidden --no-require-git --ignore-case -g *.txt -g !long.txt --follow --crlf --fixed-strings --no-config --no-ignore-global --json -- NEEDLE ."),
        ["vscode: regex with --engine auto"] = new("--hidden --no-require-git --ignore-case --crlf --engine auto --regexp n.edle$ --no-config --no-ignore-global --json ."),
        ["vscode: regex falling back to PCRE2 (look-ahead)"] = new("--hidden --no-require-git --case-sensitive --crlf --engine auto --regexp need(?=le) --no-config --no-ignore-global --json ."),
        ["vscode: context"] = new("--hidden --no-require-git --case-sensitive --crlf --engine auto --regexp needle --no-config --no-ignore-global --json --before-context 1 --after-context 1 ."),
        ["vscode: multiline"] = new("--hidden --no-require-git --case-sensitive --crlf --engine auto --regexp needle\\r?\\n(second|next) --no-config --no-ignore-global --json --multiline ."),
        ["vscode: no ignore files, max file size, user config ignored"] = new("--hidden --no-require-git --case-sensitive --max-filesize 1000 --no-ignore --crlf --fixed-strings --no-config --json -- needle .", ConfigPath: "--max-count=1"),
        ["vscode: no parent ignore files, encoding"] = new("--hidden --no-require-git --case-sensitive --no-ignore-parent --encoding utf-16le --crlf --fixed-strings --no-config --no-ignore-global --json -- needle bom16.txt"),

        // VS Code file search (ripgrepFileSearch.ts).
        ["vscode: file search"] = new("--files --hidden --case-sensitive --no-require-git -g !**/node_modules -g !**/.git --no-config --no-ignore-global"),
        ["vscode: file search, follow, no parent ignores"] = new("--files --hidden --case-sensitive --no-require-git --no-ignore-parent --follow --no-config --no-ignore-global ."),
        ["vscode: file search, case-insensitive globs, quiet exists check"] = new("--files --hidden --case-sensitive --no-require-git --glob-case-insensitive --ignore-file-case-insensitive -g *.TXT --quiet --no-config --no-ignore-global"),

        // Neovim's default 'grepprg' (runtime/lua/vim/_defaults.lua): rg --vimgrep -uu, then :grep's words.
        ["neovim :grep"] = new("--vimgrep -uu needle"),
        ["neovim :grep -i in a directory"] = new("--vimgrep -uu -i NEEDLE sub"),

        // telescope.nvim (vimgrep_arguments, live_grep, grep_string, find_files).
        ["telescope: live_grep"] = new("--color=never --no-heading --with-filename --line-number --column --smart-case -- needle"),
        ["telescope: live_grep with type, glob, hidden"] = new("--color=never --no-heading --with-filename --line-number --column --smart-case --type=py --glob=*.py --hidden -- needle ."),
        ["telescope: grep_string, empty search"] = new("--color=never --no-heading --with-filename --line-number --column --smart-case -v -- ^[[:space:]]*$ a.txt crlf.txt"),
        ["telescope: find_files"] = new("--files --color never --hidden -L"),

        // fzf-lua (RIPGREP_CONFIG_PATH="" in its environment).
        ["fzf-lua: grep"] = new("--column --line-number --no-heading --color=always --smart-case --max-columns=4096 -e needle", ConfigPath: ""),
        ["fzf-lua: live_grep with iglobs"] = new("--column --line-number --no-heading --color=always --smart-case --max-columns=4096 --iglob *.TXT --iglob !a* -e needle", ConfigPath: ""),
        ["fzf-lua: grep one file"] = new("--column --line-number --no-heading --color=always --smart-case --max-columns=4096 -e needle --with-filename --no-heading a.txt", ConfigPath: ""),
        ["fzf-lua: files"] = new("--color=never --files -g !.git -g !.jj --hidden -L", ConfigPath: ""),

        // snacks.nvim picker (grep, grep_word, files).
        ["snacks: grep"] = new("--color=never --no-heading --with-filename --line-number --replace 󰄊${0}󰄊 --column --smart-case --max-columns=500 --max-columns-preview --glob=!.bare --glob=!.git -0 --hidden -- needle"),
        ["snacks: grep_word"] = new("--color=never --no-heading --with-filename --line-number --replace 󰄊${0}󰄊 --column --smart-case --max-columns=500 --max-columns-preview --glob=!.bare --glob=!.git -0 --no-hidden --fixed-strings --word-regexp -- needle"),
        ["snacks: files"] = new("--files --no-messages --color never -g !.git --hidden"),

        // mini.pick (builtin.grep, builtin.files).
        ["mini.pick: grep"] = new("--column --line-number --no-heading --field-match-separator \\x00 --color=never --no-fixed-strings --smart-case -- needle"),
        ["mini.pick: grep plain, glob"] = new("--column --line-number --no-heading --field-match-separator \\x00 --color=never --fixed-strings --glob *.txt --ignore-case -- NEEDLE"),
        ["mini.pick: files"] = new("--files --color=never"),

        // grug-far.nvim: search, replacement preview over stdin, files with matches, replaced content.
        ["grug-far: search with replace"] = new("--replace=X -i --line-number --heading --column --max-columns=0 --field-match-separator=: --block-buffered --with-filename --hyperlink-format=none --glob=*.txt --json --regexp=needle"),
        ["grug-far: replacement preview on stdin"] = new("--replace=[$0] --line-number --heading --column --max-columns=0 --field-match-separator=: --block-buffered --with-filename --color=never --no-heading --no-line-number --no-column --no-filename --null-data --regexp=needle", Stdin: "needle\0Needle\0the needle\0"),
        ["grug-far: files with matches"] = new("--line-number --heading --column --max-columns=0 --field-match-separator=: --block-buffered --with-filename --files-with-matches --color=never --regexp=needle"),
        ["grug-far: replaced file content"] = new("--replace=X --passthrough --no-line-number --no-column --color=never --no-heading --no-filename --regexp=needle crlf.txt"),
        ["grug-far: buffer range on stdin"] = new("--line-number --heading --column --max-columns=0 --field-match-separator=: --block-buffered --with-filename --json --regexp=needle", Stdin: "a needle\nnone\n"),

        // fzf.vim :Rg.
        ["fzf.vim: Rg"] = new("--column --line-number --no-heading --color=always --smart-case -- needle"),

        // consult-ripgrep, and its look-ahead probe through stdin.
        ["consult: ripgrep"] = new("--null --line-buffered --color=never --max-columns=1000 --path-separator / --smart-case --no-heading --with-filename --line-number --search-zip -e needle ."),
        ["consult: fixed strings with extra flags"] = new("--null --line-buffered --color=never --max-columns=1000 --path-separator / --smart-case --no-heading --with-filename --line-number --search-zip -e needle -F -tpy ."),
        ["consult: PCRE probe"] = new("-P ^(?=.*b)(?=.*a)", Stdin: "xaxbx\n"),

        // deadgrep (--color=ansi, parsed by escape codes).
        ["deadgrep: regexp, context"] = new("--no-config --color=ansi --line-number --no-heading --no-column --with-filename --smart-case --before-context=1 --after-context=1 --hidden --glob=!/.git -- needle ."),
        ["deadgrep: words, type, no vcs ignores"] = new("--no-config --color=ansi --line-number --no-heading --no-column --with-filename --fixed-strings --word-regexp --case-sensitive --type=py --no-ignore-vcs -- needle ."),
        ["deadgrep: type list"] = new("--type-list"),

        // rg.el (explicit --colors).
        ["rg.el: grouped"] = new("--color=always --colors=match:fg:red --colors=path:fg:magenta --colors=line:fg:green --colors=column:none -n --column --type-add=foo:*.rs -i --heading --no-config --type=foo needle ."),
        ["rg.el: literal, ungrouped"] = new("--color=always --colors=match:fg:red --colors=path:fg:magenta --colors=line:fg:green --colors=column:none -n --column --no-heading --no-config --fixed-strings needle ."),

        // counsel-rg.
        ["counsel-rg"] = new("--max-columns 240 --with-filename --no-heading --line-number --color never -i needle"),
        ["counsel-rg: marked files"] = new("--max-columns 240 --with-filename --no-heading --line-number --color never -s needle a.txt long.txt"),

        // Emacs xref / project-find-regexp: files from xargs -0.
        ["xref: project-find-regexp"] = new("-i --null -nH --no-heading --no-messages -g !*/ -e needle a.txt crlf.txt invalid.txt bin.dat long.txt sub"),

        // Claude Code (fragments from its issue logs: Grep files_with_matches, Glob).
        ["claude-code: grep files"] = new("--hidden -l needle"),
        ["claude-code: glob"] = new("--files --glob *.md --sort=modified --no-ignore --hidden ."),

        // Codex CLI grep_files.
        ["codex: grep_files"] = new("--files-with-matches --sortr=modified --regexp needle --no-messages -- ."),
        ["codex: grep_files with include"] = new("--files-with-matches --sortr=modified --regexp needle --no-messages --glob *.txt -- ."),

        // Gemini CLI grep_search.
        ["gemini: grep_search"] = new("--json --ignore-case --regexp needle --context 1 --max-count 2 --glob !**/build/** --glob !*.log --glob !*.tmp --threads 4 ."),
        ["gemini: grep_search, no ignore, fixed strings"] = new("--json --fixed-strings --regexp needle --no-ignore --glob *.txt --threads 4 ."),

        // opencode (core adapter, and the older grep tool).
        ["opencode: grep"] = new("--no-config --json --hidden --no-messages --glob=!**/.git/** -- needle ."),
        ["opencode: glob"] = new("--no-config --files --hidden --follow --glob=*.txt --glob=!**/.git/** ."),
        ["opencode: older files"] = new("--files --glob=!.git/* --follow --hidden --max-depth=2"),
        ["opencode: older search"] = new("--json --hidden --glob=!.git/* --max-count=1 -- needle"),
        ["opencode: older grep tool"] = new("-nH --hidden --no-messages --field-match-separator=| --regexp needle --glob *.txt ."),

        // Cline (extension search_files and file list; SDK search and index).
        ["cline: search_files"] = new("--json -e needle --glob * --context 1 ."),
        ["cline: file mentions"] = new("--files --follow --hidden -g !**/{node_modules,.git,.github,out,dist,__pycache__,.venv,.env,venv,env,.cache,tmp,temp}/** ."),
        ["cline: sdk search"] = new("--json --context=2 --max-count=1 -i needle"),
        ["cline: sdk file index"] = new("--files --hidden -g !.git"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [OracleTheory("rg")]
    [MemberData(nameof(Names))]
    public void Gives_rg_15_bytes(string name)
    {
        var c = Cases[name];
        var args = ArgSplitter.Split(c.Args);
        byte[]? stdin = c.Stdin is null ? null : Encoding.UTF8.GetBytes(c.Stdin);
        var env = new Dictionary<string, string>();
        var configFile = Path.Combine(Path.GetTempPath(), $"scour-embedders-{Environment.ProcessId}.ripgreprc");
        if (c.ConfigPath is { } config)
        {
            File.WriteAllText(configFile, config + "\n");
            env["RIPGREP_CONFIG_PATH"] = config.Length > 0 ? configFile : string.Empty;
        }

        try
        {
            Compare(name, args, stdin, env);
        }
        finally
        {
            File.Delete(configFile);
        }
    }

    private void Compare(string name, string[] args, byte[]? stdin, Dictionary<string, string> env)
    {
        // As the embedder runs it: with several threads the order of files is not fixed.
        AssertSame(name, args, stdin, env, ordered: stdin is not null || args.Any(a => a.StartsWith("--sort", StringComparison.Ordinal)));

        // On one thread rg's order is its walk's, and so is scour's: the same bytes in the same order.
        if (stdin is null && !args.Contains("--threads"))
        {
            AssertSame(name + " (-j1)", ["-j1", .. args], null, env, ordered: true);
        }
    }

    private void AssertSame(string name, string[] args, byte[]? stdin, Dictionary<string, string> env, bool ordered)
    {
        string Out(CommandResult r) => RgDifferentialTests.Normalize(ordered ? Encoding.Latin1.GetString(r.Stdout) : r.SortedLines());
        string Err(CommandResult r) => ordered ? r.Stderr : string.Join("\n", r.Stderr.Split('\n').Order(StringComparer.Ordinal));
        var scour = CommandRunner.Run(DropInRg.Executable, args, tree.Root, stdin, env);
        var rg = OracleRuns.Until(() => CommandRunner.Run(Oracle.Require("rg"), args, tree.Root, stdin, env), r => Out(r) == Out(scour) && Err(r) == Err(scour) && r.ExitCode == scour.ExitCode);
        Assert.True(Out(rg) == Out(scour), $"stdout differs for {name}\n--- rg ---\n{Out(rg)}\n--- scour ---\n{Out(scour)}");
        Assert.True(Err(rg) == Err(scour), $"stderr differs for {name}\n--- rg ---\n{rg.Stderr}\n--- scour ---\n{scour.Stderr}");
        Assert.True(rg.ExitCode == scour.ExitCode, $"exit code differs for {name}: rg {rg.ExitCode}, scour {scour.ExitCode}");
    }
}
