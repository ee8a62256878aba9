using System.Runtime.InteropServices;
using System.Text;
using Scour.Matching;
using Scour.Matching.Lines;
using Scour.Output;

namespace Scour.Rewriting;

/// <summary>
/// Finds what a rewrite changes in one UTF-8 text: every match of the pattern, expanded through the
/// replacement template. Line patterns are matched line by line, exactly as the search reports them
/// (so a rewrite changes what <c>scour PATTERN -r REPLACEMENT</c> prints); multiline patterns are
/// matched against the whole text. One instance per thread.
/// </summary>
internal sealed class EditFinder(CompiledPattern pattern, Replacement replacement, bool preserveCase, long? maxCount) : IDisposable
{
    private readonly LineMatcher _matcher = pattern.CreateMatcher();
    private readonly List<ByteRange[]> _groups = [];
    private readonly List<byte> _expanded = [];

    /// <summary>The edits for <paramref name="text"/>, in order; replacements equal to their match are left out.</summary>
    public List<TextEdit> Find(byte[] text, CancellationToken cancellationToken)
    {
        var edits = new List<TextEdit>();
        if (pattern.IsMultiline)
        {
            _groups.Clear();
            _matcher.FindAllGroups(text, _groups, out var resolve);
            TrailingEmptyMatch.Drop(_groups, text.Length, text.Length > 0 && text[^1] == (byte)'\n');
            var take = maxCount is { } max ? (int)Math.Min(max, _groups.Count) : _groups.Count;
            AddEdits(text, 0, _groups.Take(take), resolve, edits);
            return edits;
        }

        _matcher.SetRegion(text, 0, text.Length);
        var pos = 0;
        long lines = 0;
        while (pos < text.Length && (maxCount is null || lines < maxCount) && _matcher.NextMatchingLine(pos, out var lineStart, out var lineEnd))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var content = lineEnd > lineStart && text[lineEnd - 1] == (byte)'\n' ? lineEnd - 1 : lineEnd;
            _groups.Clear();
            _matcher.FindAllGroupsInContext(text, lineStart, lineEnd, _groups, out var resolve);
            TrailingEmptyMatch.Drop(_groups, content - lineStart, terminated: content < lineEnd);
            AddEdits(text.AsSpan(lineStart, content - lineStart), lineStart, _groups, resolve, edits);
            lines++;
            pos = lineEnd;
        }

        return edits;
    }

    private void AddEdits(ReadOnlySpan<byte> span, int offset, IEnumerable<ByteRange[]> matches, Func<string, int> resolve, List<TextEdit> edits)
    {
        foreach (var groups in matches)
        {
            _expanded.Clear();
            replacement.Expand(span, groups, resolve, _expanded);
            var matched = span[groups[0].Start..groups[0].End];
            var bytes = CollectionsMarshal.AsSpan(_expanded);
            if (preserveCase)
            {
                bytes = Encoding.UTF8.GetBytes(CasePreserver.Apply(Encoding.UTF8.GetString(matched), Encoding.UTF8.GetString(bytes)));
            }

            if (!bytes.SequenceEqual(matched))
            {
                edits.Add(new TextEdit(offset + groups[0].Start, offset + groups[0].End, bytes.ToArray()));
            }
        }
    }

    public void Dispose() => _matcher.Dispose();
}
