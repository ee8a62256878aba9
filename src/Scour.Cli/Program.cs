using System.Text;
using Scour.Cli.Flags;
using Scour.Matching;
using Scour.Output;
using Scour.Walking;

namespace Scour.Cli;

/// <summary>The <c>scour</c> command: flags in, exit code out (0 a match, 1 none, 2 an error).</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            return Run(args);
        }
        catch (PatternSyntaxException e)
        {
            Stderr.Message(e.Message);
            return 2;
        }
        catch (Exception e) when (e is UsageException or GlobSyntaxException or FileTypeException)
        {
            Stderr.Message(e.Message);
            return 2;
        }
    }

    private static int Run(string[] args)
    {
        if (IndexCommand.Matches(args))
        {
            using var indexOut = Terminal.OpenStdout();
            return IndexCommand.Run(args, indexOut);
        }

        var raw = FlagParser.Parse(WithConfigFile(args));
        if (raw.ShortHelp || raw.LongHelp)
        {
            WriteStdout(HelpText.Render(detailed: raw.LongHelp));
            return 0;
        }

        if (raw.Mode == CliMode.Generate && raw.Generate is { } kind)
        {
            WriteStdout(kind switch
            {
                "man" => ManPage.Render(),
                "complete-bash" => CompletionScripts.Bash(),
                "complete-zsh" => CompletionScripts.Zsh(),
                "complete-fish" => CompletionScripts.Fish(),
                _ => CompletionScripts.PowerShell(),
            });
            return 0;
        }

        if (raw.Pcre2Version)
        {
            var (text, available) = VersionText.Pcre2;
            WriteStdout(text + "\n");
            return available ? 0 : 1;
        }

        if (raw.Version || raw.ShortVersion)
        {
            WriteStdout(raw.Version ? VersionText.Long : VersionText.Short + "\n");
            return 0;
        }

        if (raw.Undo)
        {
            using var undoOut = Terminal.OpenStdout();
            return RewriteCommand.Undo(undoOut, message => Stderr.Message(message));
        }

        var plan = SearchPlan.Build(raw, Terminal.StdoutIsTerminal, Terminal.StdinIsReadable, Terminal.OpenStdin);
        var output = Terminal.OpenStdout();
        var stdout = new BufferedStream(SwapsOutput(plan) ? new ByteSwapStream(output) : output, 64 * 1024);
        var errors = 0;
        void OnError(string message)
        {
            Interlocked.Increment(ref errors);
            OnWarning(message);
        }

        void OnWarning(string message)
        {
            if (plan.Messages)
            {
                Stderr.Message(message);
            }
        }

        int code;
        try
        {
            code = plan.Rewrite != RewriteMode.None ? RewriteCommand.Run(plan, stdout, OnError, OnWarning)
                : plan.ListTypes ? ListTypes(plan, stdout)
                : plan.ListFiles ? ExitCode(ListFiles(plan, stdout, OnError, OnWarning), quiet: false, Volatile.Read(ref errors) > 0)
                : Search(plan, stdout, OnError, OnWarning, ref errors);
            stdout.Flush();
        }
        catch (IOException) when (!OutputIsOpen(stdout))
        {
            code = 0;
        }
        finally
        {
            try
            {
                stdout.Dispose();
            }
            catch (IOException)
            {
                // Bytes still buffered for an output that failed: the failure is reported below.
            }
        }

        // The search stops at the first failed write to standard output. A reader that went away
        // (e.g. "| head -1") ends it quietly, as ripgrep does; any other failure is an error.
        if (output is DescriptorStream { Failure: { } failure } && !DescriptorStream.IsClosedPipe(failure))
        {
            Stderr.Message($"standard output: {failure.Message}");
            return 2;
        }

        return code;
    }

    /// <summary>
    /// ripgrep's configuration file (<see cref="Identity.ConfigFile"/> says which): one argument per line,
    /// blank lines and lines starting with '#' skipped, prepended to the command line (which therefore
    /// wins), unless the command line says --no-config. An unreadable file is reported and ignored.
    /// </summary>
    private static string[] WithConfigFile(string[] args)
    {
        var end = Array.IndexOf(args, "--");
        var flags = end < 0 ? args : args[..end];
        if (flags.Contains("--no-config") || Identity.ConfigFile() is not (string variable, string path))
        {
            return args;
        }

        try
        {
            var lines = File.ReadAllLines(path)
                .Select(l => l.TrimEnd('\r'))
                .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
            return [.. lines, .. args];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Stderr.Message($"failed to read the file specified in {variable}: {path}: {IoErrorText.Describe(e)}");
            return args;
        }
    }

    private static bool OutputIsOpen(Stream stdout)
    {
        try
        {
            stdout.Flush();
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int Search(SearchPlan plan, Stream stdout, Action<string> onError, Action<string> onWarning, ref int errors)
    {
        // As rg: when no line can match (-m 0, or no pattern at all without -v), nothing is searched,
        // compiled or reported: the answer is "no match".
        if (plan.Searcher.MaxCount == 0 || (plan.Pattern!.Patterns.Count == 0 && !plan.Searcher.InvertMatch))
        {
            return 1;
        }

        var pattern = CompiledPattern.Compile(plan.Pattern!);
        var writer = new ResultWriter(stdout, plan.Output, flushEachBlock: plan.FlushEachFile, onlySource: plan.OnlySource);
        var jsonTotals = new JsonTotals();
        var runner = new SearchRunner(
            pattern.CreateMatcher,
            plan.Searcher,
            plan.Walk,
            matcher => plan.Output.Mode switch
            {
                OutputMode.Lines => new StandardPrinter(plan.Output, matcher, writer),
                OutputMode.Json => new JsonPrinter(plan.Output, matcher, writer, jsonTotals),
                _ => new SummaryPrinter(plan.Output, matcher, writer),
            },
            stopAtFirstMatch: plan.Output.Mode == OutputMode.Quiet && plan.Output.Stats is null && !plan.QuietWithoutMatch,
            (path, message) => onError(WithPath(path, message)),
            plan.IgnoreMessages ? onWarning : _ => { },
            IndexFor(plan, pattern, onWarning));

        SearchSummary summary;
        if (plan.SearchStdin)
        {
            using var stdin = Terminal.OpenStdin();
            summary = runner.RunStream(stdin, "<stdin>", CancellationToken.None);
        }
        else
        {
            summary = RunRoots(plan, runner);
        }

        if (summary.OutputClosed)
        {
            return 0;
        }

        if (plan.Output.Stats is { } stats)
        {
            // The statistics are not records: their lines end with \n under --null-data too, as in rg, so
            // they are exchanged here for the output's exchange to restore.
            var block = stats.Render();
            if (SwapsOutput(plan))
            {
                Scour.Searching.ByteSwapSource.Swap(block);
            }

            writer.WriteBlock(block, separated: false);
        }

        if (plan.Output.Mode == OutputMode.Json)
        {
            using var message = new OutputBuffer();
            jsonTotals.WriteSummary(message);
            writer.WriteBlock(message.Written, separated: false);
        }

        if (summary.FilesSearched == 0 && plan.Roots is [""] && plan.Walk.EmptyRootIsWorkingDirectory && !WalkedAny(plan, summary))
        {
            // As ripgrep, searching nothing at all under the implicit "." is an error: a filter probably
            // did something unexpected. Paths the user named are searched as asked, silently.
            if (plan.Messages)
            {
                Stderr.Message($"No files were searched, which means {Identity.ProseName} probably applied a filter you didn't expect.\nRunning with --debug will show why files are being skipped.");
            }

            Interlocked.Increment(ref errors);
        }

        var matched = plan.Output.Mode == OutputMode.FilesWithoutMatch || plan.QuietWithoutMatch
            ? summary.FilesSearched > summary.FilesMatched
            : summary.FilesMatched > 0;
        return ExitCode(matched, plan.Quiet, Volatile.Read(ref errors) > 0);
    }

    // A search index answers for the trees indexed with 'scour index' (unless --no-index), when the
    // output of a file without a match is nothing: then passing over such files changes no byte.
    private static Func<IReadOnlyList<string>, CancellationToken, Indexing.IndexedSearch?>? IndexFor(SearchPlan plan, CompiledPattern pattern, Action<string> onWarning)
    {
        var silentWithoutMatch = plan.Output.Mode != OutputMode.FilesWithoutMatch && !plan.Output.IncludeZero && !plan.QuietWithoutMatch;
        Action<string>? debug = plan.Debug ? message => Stderr.Message("DEBUG|index: " + message) : null;
        if (!plan.UseIndex)
        {
            debug?.Invoke("not used (--no-index)");
            return null;
        }

        return Indexing.IndexedSearch.For(Indexing.IndexStore.FromEnvironment(), pattern, plan.Searcher, plan.Walk, silentWithoutMatch && !plan.SearchStdin, onWarning, debug);
    }

    // Whether a search that read no file still walked one: an index passed over files (then it did),
    // or only over directories (then a walk without it says whether they hold any file to search).
    private static bool WalkedAny(SearchPlan plan, SearchSummary summary)
    {
        if (summary.SettledFiles > 0)
        {
            return true;
        }

        if (summary.SettledDirectories == 0)
        {
            return false;
        }

        var any = false;
        new Walker(plan.Walk).Run(plan.Roots, _ => !(any = true), (_, _) => { }, _ => { });
        return any;
    }

    private static string WithPath(string? path, string message) => path is null ? message : $"{path}: {message}";

    // ripgrep's rule: 0 for a match (with -q even after errors), 2 for any error, else 1.
    // --null-data output is exchanged back (NUL and \n) on its way out, except JSON, which shows the
    // original bytes, and --files, which lists paths, not records (rg ends them with \n there too).
    private static bool SwapsOutput(SearchPlan plan) => plan.Output.NullData && plan.Output.Mode != OutputMode.Json && !plan.ListFiles;

    private static int ExitCode(bool matched, bool quiet, bool errored) =>
        matched && (quiet || !errored) ? 0 : errored ? 2 : 1;

    // "-" among the paths means standard input, searched where it appears.
    private static SearchSummary RunRoots(SearchPlan plan, SearchRunner runner)
    {
        if (!plan.Roots.Contains("-"))
        {
            return runner.Run(plan.Roots, CancellationToken.None);
        }

        using var stdin = Terminal.OpenStdin();
        var fromStdin = runner.RunStream(stdin, "<stdin>", CancellationToken.None);
        var rest = plan.Roots.Where(r => r != "-").ToList();
        var fromPaths = rest.Count > 0 ? runner.Run(rest, CancellationToken.None) : new SearchSummary();
        return SearchSummary.Combine(fromStdin, fromPaths);
    }

    private static bool ListFiles(SearchPlan plan, Stream stdout, Action<string> onError, Action<string> onWarning)
    {
        var walker = new Walker(plan.Walk);
        var terminator = plan.Output.NullAfterPath ? (byte)0 : (byte)'\n';
        var gate = new object();
        var any = false;
        var closed = false;
        using var line = new OutputBuffer();
        walker.Run(
            plan.Roots,
            entry =>
            {
                if (plan.Quiet)
                {
                    any = true; // as rg: --files -q prints nothing and stops at the first file
                    return false;
                }

                var bytes = plan.Output.PathBytes(entry.Path);
                lock (gate)
                {
                    try
                    {
                        line.Clear();
                        plan.Output.WriteStyledPath(line, bytes, plan.Output.Hyperlinks is null ? null : HyperlinkFormat.TargetOf(bytes));
                        line.Write(terminator);
                        stdout.Write(line.Written);
                        any = true;
                    }
                    catch (IOException)
                    {
                        closed = true;
                        return false;
                    }
                }

                return true;
            },
            (path, message) => onError(WithPath(path, message)),
            plan.IgnoreMessages ? onWarning : _ => { });
        if (closed)
        {
            throw new IOException("output closed");
        }

        return any;
    }

    private static int ListTypes(SearchPlan plan, Stream stdout)
    {
        var sb = new StringBuilder();
        foreach (var (name, globs) in (plan.Walk.Types ?? FileTypes.Default).Definitions)
        {
            sb.Append(name).Append(": ").AppendJoin(", ", globs).Append('\n');
        }

        stdout.Write(Encoding.UTF8.GetBytes(sb.ToString()));
        return 0;
    }

    private static void WriteStdout(string text)
    {
        using var stdout = Terminal.OpenStdout();
        try
        {
            stdout.Write(Encoding.UTF8.GetBytes(text));
        }
        catch (IOException)
        {
            // closed pipe: nothing to do
        }
    }
}
