using System.Collections.Concurrent;
using Scour.Matching;
using Scour.Output;
using Scour.Walking;

namespace Scour.Rewriting;

/// <summary>
/// Finds every file a rewrite would change: walks the roots with the search's own filters, reads each
/// file, decodes it and computes its edits, on the walker's threads. Writes nothing. Binary files are
/// skipped as a search skips them (and reported when named explicitly); a file with matches that is
/// not valid in its encoding is reported as an error, never rewritten.
/// </summary>
internal sealed class RewritePlanner(CompiledPattern pattern, Replacement replacement, bool preserveCase, long? maxCount, WalkOptions walk)
{
    public List<FileRewrite> Plan(IReadOnlyList<string> roots, Action<string?, string> onError, Action<string> onWarning, CancellationToken cancellationToken)
    {
        var found = new ConcurrentDictionary<string, FileRewrite>(StringComparer.Ordinal);
        using var finders = new ThreadLocal<EditFinder>(() => new EditFinder(pattern, replacement, preserveCase, maxCount), trackAllValues: true);
        try
        {
            new Walker(walk).Run(
                roots,
                entry =>
                {
                    try
                    {
                        if (PlanFile(entry, finders.Value!, onError, onWarning, cancellationToken) is { } rewrite)
                        {
                            found.TryAdd(rewrite.Target, rewrite); // the same file reached twice is rewritten once
                        }
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        onError(entry.Path, IoErrorText.Describe(e));
                    }

                    return true;
                },
                onError,
                onWarning,
                cancellationToken);
        }
        finally
        {
            foreach (var finder in finders.Values)
            {
                finder.Dispose();
            }
        }

        return [.. found.Values.OrderBy(r => r.DisplayPath, StringComparer.Ordinal)];
    }

    private static FileRewrite? PlanFile(WalkEntry entry, EditFinder finder, Action<string?, string> onError, Action<string> onWarning, CancellationToken cancellationToken)
    {
        var path = entry.FullPath ?? entry.Path;
        var target = RealPath.Of(path) ?? throw new FileNotFoundException(null, path);
        var status = FileStatus.Of(target);
        var original = AtomicFile.ReadAll(target);
        var text = FileText.Decode(original, out var problem);
        if (text is null)
        {
            var isBinary = problem!.StartsWith("binary", StringComparison.Ordinal);
            if (isBinary ? entry.IsExplicit : finder.Find(original, cancellationToken).Count > 0)
            {
                (isBinary ? onWarning : m => onError(null, m))($"{entry.Path}: not rewritten: {problem}");
            }

            return null;
        }

        var edits = finder.Find(text.Utf8, cancellationToken);
        if (edits.Count == 0)
        {
            return null;
        }

        if (status.Links > 1)
        {
            // The new content is a new file renamed into place: the other names keep the old one.
            onWarning($"{entry.Path}: has {status.Links} hard links; only this name gets the new content");
        }

        return new FileRewrite(entry.Path, target, status, original, text, TextEdit.Apply(text.Utf8, edits), edits);
    }
}
