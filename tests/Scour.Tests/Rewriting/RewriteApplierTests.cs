using Scour.Matching;
using Scour.Output;
using Scour.Rewriting;
using Scour.Walking;

namespace Scour.Tests.Rewriting;

/// <summary>Planning, applying and undoing on real files in a temporary directory.</summary>
public sealed class RewriteApplierTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-rewrite-" + Guid.NewGuid().ToString("N"));
    private readonly string _tree;
    private readonly string _state;

    public RewriteApplierTests()
    {
        _tree = Path.Combine(_root, "tree");
        _state = Path.Combine(_root, "state");
        Directory.CreateDirectory(_tree);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private List<FileRewrite> Plan(string pattern, string replacement)
    {
        var planner = new RewritePlanner(CompiledPattern.Compile(new PatternOptions { Patterns = [pattern] }), new Replacement(replacement), false, null, new WalkOptions { RequireGit = false });
        var errors = new List<string>();
        var plans = planner.Plan([_tree], (p, m) => errors.Add($"{p}: {m}"), errors.Add, CancellationToken.None);
        Assert.Empty(errors);
        return plans;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_tree, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_file_changed_after_it_was_read_is_not_written()
    {
        var a = Write("a.txt", "foo\n");
        var b = Write("b.txt", "foo\n");
        var plans = Plan("foo", "bar");
        File.WriteAllText(b, "foo edited elsewhere\n");

        using var journal = RewriteJournal.Start(_state, _tree);
        var applier = new RewriteApplier(journal);
        Assert.Equal([RewriteOutcome.Written, RewriteOutcome.ChangedMeanwhile], plans.Select(applier.Apply));
        Assert.Equal("bar\n", File.ReadAllText(a));
        Assert.Equal("foo edited elsewhere\n", File.ReadAllText(b));
        Assert.Empty(Directory.GetFiles(_tree, "*" + AtomicFile.TempSuffix));
    }

    [Fact]
    public void A_file_changed_with_the_same_size_and_time_is_still_noticed()
    {
        var a = Write("a.txt", "foo\n");
        var plan = Plan("foo", "bar").Single();
        var time = File.GetLastWriteTimeUtc(a);
        File.WriteAllText(a, "fox\n");
        File.SetLastWriteTimeUtc(a, time);

        using var journal = RewriteJournal.Start(_state, _tree);
        Assert.Equal(RewriteOutcome.ChangedMeanwhile, new RewriteApplier(journal).Apply(plan));
        Assert.Equal("fox\n", File.ReadAllText(a));
    }

    [Fact]
    public void Permissions_are_kept()
    {
        var a = Write("run.sh", "echo foo\n");
        File.SetUnixFileMode(a, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        var before = File.GetUnixFileMode(a);
        using (var journal = RewriteJournal.Start(_state, _tree))
        {
            Assert.Equal(RewriteOutcome.Written, new RewriteApplier(journal).Apply(Plan("foo", "bar").Single()));
        }

        Assert.Equal("echo bar\n", File.ReadAllText(a));
        Assert.Equal(before, File.GetUnixFileMode(a));
    }

    [Fact]
    public void Undo_restores_and_refuses_files_changed_after_the_write()
    {
        var a = Write("a.txt", "foo 1\n");
        var b = Write("b.txt", "foo 2\n");
        using (var journal = RewriteJournal.Start(_state, _tree))
        {
            var applier = new RewriteApplier(journal);
            Plan("foo", "bar").ForEach(p => applier.Apply(p));
            journal.Finish();
        }

        File.WriteAllText(b, "bar 2 and more\n");
        var outcome = RewriteUndo.Run(_state, _tree, CancellationToken.None);
        Assert.Equal([Path.GetFullPath(a)], outcome.Restored);
        Assert.Equal(Path.GetFullPath(b), Assert.Single(outcome.Refused).Path);
        Assert.Equal("foo 1\n", File.ReadAllText(a));
        Assert.Equal("bar 2 and more\n", File.ReadAllText(b));

        // Not marked undone while a file was refused: once the user puts it back, undo completes.
        File.WriteAllText(b, "bar 2\n");
        var again = RewriteUndo.Run(_state, _tree, CancellationToken.None);
        Assert.Empty(again.Refused);
        Assert.Equal("foo 2\n", File.ReadAllText(b));
        Assert.Null(RewriteUndo.Latest(_state, _tree));
    }

    [Fact]
    public void Undo_only_finds_runs_from_the_directory_or_below()
    {
        Write("a.txt", "foo\n");
        using (var journal = RewriteJournal.Start(_state, _tree))
        {
            new RewriteApplier(journal).Apply(Plan("foo", "bar").Single());
            journal.Finish();
        }

        Assert.Null(RewriteUndo.Latest(_state, Path.Combine(_tree, "sub")));
        Assert.NotNull(RewriteUndo.Latest(_state, _root));
        Assert.NotNull(RewriteUndo.Latest(_state, _tree));
    }

    [Fact]
    public void Recovery_removes_the_temporary_files_of_a_dead_run_only()
    {
        var a = Write("a.txt", "foo\n");
        var temp = AtomicFile.TempPathFor(a);
        using (var journal = RewriteJournal.Start(_state, _tree))
        {
            journal.Prepare(a, temp, "foo\n"u8, "bar\n"u8);
            File.WriteAllText(temp, "bar\n");

            // The run is alive (its lock is held): nothing is touched.
            Assert.Empty(RewriteJournal.RecoverInterrupted(_state));
            Assert.True(File.Exists(temp));
        }

        // The "process" is gone without finishing: its temporary file goes, the original stays.
        Assert.Equal([temp], RewriteJournal.RecoverInterrupted(_state));
        Assert.False(File.Exists(temp));
        Assert.Equal("foo\n", File.ReadAllText(a));
        Assert.Empty(RewriteJournal.RecoverInterrupted(_state));
    }

    [Fact]
    public void A_symbolic_link_keeps_being_a_link_to_the_rewritten_target()
    {
        var target = Write("target.txt", "foo\n");
        var link = Path.Combine(_tree, "link.txt");
        File.CreateSymbolicLink(link, "target.txt");
        var planner = new RewritePlanner(CompiledPattern.Compile(new PatternOptions { Patterns = ["foo"] }), new Replacement("bar"), false, null, new WalkOptions { RequireGit = false });
        var plan = planner.Plan([link], (_, m) => Assert.Fail(m), _ => { }, CancellationToken.None).Single();
        using (var journal = RewriteJournal.Start(_state, _tree))
        {
            new RewriteApplier(journal).Apply(plan);
        }

        Assert.Equal("target.txt", new FileInfo(link).LinkTarget);
        Assert.Equal("bar\n", File.ReadAllText(target));
    }

    [Fact]
    public void The_journal_is_private()
    {
        Write("a.txt", "foo\n");
        using var journal = RewriteJournal.Start(_state, _tree);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(journal.Directory));
    }
}
