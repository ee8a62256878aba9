using System.Buffers;
using System.Text;
using Scour.Rewriting;

namespace Scour.Tests.Rewriting;

/// <summary>Diffs checked by hand against the unified format (GNU diff -u writes the same for these).</summary>
public sealed class UnifiedDiffTests
{
    private static string Diff(string oldText, params (int Start, int End, string With)[] edits)
    {
        var old = Encoding.UTF8.GetBytes(oldText);
        var list = edits.Select(e => new TextEdit(e.Start, e.End, Encoding.UTF8.GetBytes(e.With))).ToList();
        var buffer = new ArrayBufferWriter<byte>();
        UnifiedDiff.Write(buffer, "./f.txt", old, TextEdit.Apply(old, list), list, context: 1, colors: null);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void One_changed_line_with_context() =>
        Assert.Equal("--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n", Diff("a\nb\nc\nd\n", (2, 3, "B")));

    [Fact]
    public void Distant_changes_make_separate_hunks() =>
        Assert.Equal(
            "--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,2 @@\n-1\n+X\n 2\n@@ -5,2 +5,2 @@\n 5\n-6\n+Y\n",
            Diff("1\n2\n3\n4\n5\n6\n", (0, 1, "X"), (10, 11, "Y")));

    [Fact]
    public void Close_changes_share_a_hunk() =>
        Assert.Equal(
            "--- a/f.txt\n+++ b/f.txt\n@@ -1,4 +1,4 @@\n-1\n+X\n 2\n 3\n-4\n+Y\n",
            Diff("1\n2\n3\n4\n", (0, 1, "X"), (6, 7, "Y")));

    [Fact]
    public void Missing_final_newline_is_marked_on_both_sides() =>
        Assert.Equal(
            "--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+B\n\\ No newline at end of file\n",
            Diff("a\nb", (2, 3, "B")));

    [Fact]
    public void Replacing_a_newline_joins_lines() =>
        Assert.Equal(
            "--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,2 @@\n-a\n-b\n+a b\n c\n",
            Diff("a\nb\nc\n", (1, 2, " ")));

    [Fact]
    public void Inserting_a_newline_splits_a_line() =>
        Assert.Equal(
            "--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,3 @@\n-a b\n+a\n+b\n c\n",
            Diff("a b\nc\n", (1, 2, "\n")));

    [Fact]
    public void Deleting_whole_lines() =>
        Assert.Equal(
            "--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,2 @@\n a\n-b\n c\n",
            Diff("a\nb\nc\n", (2, 4, "")));

    [Fact]
    public void Deleting_the_only_line() =>
        Assert.Equal("--- a/f.txt\n+++ b/f.txt\n@@ -1 +0,0 @@\n-a\n", Diff("a\n", (0, 2, "")));

    [Fact]
    public void Appending_at_the_end() =>
        Assert.Equal(
            "--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,3 @@\n a\n-b\n+b\n+c\n",
            Diff("a\nb\n", (3, 3, "\nc")));
}
