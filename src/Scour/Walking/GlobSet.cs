namespace Scour.Walking;

/// <summary>
/// Many globs matched against one path at once, answering "which is the last glob that matches?"
/// (the rule that wins in gitignore semantics). Plain names (<c>node_modules</c>) and extensions
/// (<c>*.o</c>) are hash lookups; only the remaining globs are tried one by one, from the last down,
/// and only while they could still beat the best hit. Matching allocates nothing.
/// </summary>
public sealed class GlobSet
{
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _dirNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _suffixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _dirSuffixes = new(StringComparer.Ordinal);
    private readonly List<int> _others = [];
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _namesLookup;
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _dirNamesLookup;
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _suffixesLookup;
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _dirSuffixesLookup;

    private readonly record struct Entry(Glob Glob, bool BasenameOnly, bool DirectoryOnly);

    /// <summary>Creates an empty set.</summary>
    public GlobSet()
    {
        _namesLookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        _dirNamesLookup = _dirNames.GetAlternateLookup<ReadOnlySpan<char>>();
        _suffixesLookup = _suffixes.GetAlternateLookup<ReadOnlySpan<char>>();
        _dirSuffixesLookup = _dirSuffixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The number of globs.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds a glob; returns its index (later globs win).</summary>
    /// <param name="glob">The compiled glob.</param>
    /// <param name="basenameOnly">Match only the last component of the path.</param>
    /// <param name="directoryOnly">Match only directories.</param>
    public int Add(Glob glob, bool basenameOnly, bool directoryOnly)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var index = _entries.Count;
        _entries.Add(new Entry(glob, basenameOnly, directoryOnly));
        if (basenameOnly && glob.LiteralText is { } literal)
        {
            (directoryOnly ? _dirNames : _names)[literal] = index;
        }
        else if (basenameOnly && glob.LiteralSuffix is { } suffix && suffix.StartsWith('.'))
        {
            (directoryOnly ? _dirSuffixes : _suffixes)[suffix] = index;
        }
        else
        {
            _others.Add(index);
        }

        return index;
    }

    /// <summary>The index of the last glob matching <paramref name="path"/>, or -1.</summary>
    public int LastMatch(ReadOnlySpan<char> path, bool isDirectory)
    {
        var slash = path.LastIndexOf('/');
        var name = slash < 0 ? path : path[(slash + 1)..];
        var best = -1;

        if (_namesLookup.TryGetValue(name, out var i))
        {
            best = i;
        }

        if (isDirectory && _dirNamesLookup.TryGetValue(name, out i) && i > best)
        {
            best = i;
        }

        if (_suffixes.Count + _dirSuffixes.Count > 0)
        {
            for (var dot = name.IndexOf('.'); dot >= 0; dot = NextDot(name, dot))
            {
                var suffix = name[dot..];
                if (_suffixesLookup.TryGetValue(suffix, out i) && i > best)
                {
                    best = i;
                }

                if (isDirectory && _dirSuffixesLookup.TryGetValue(suffix, out i) && i > best)
                {
                    best = i;
                }
            }
        }

        for (var k = _others.Count - 1; k >= 0; k--)
        {
            var index = _others[k];
            if (index <= best)
            {
                break;
            }

            var e = _entries[index];
            if (e.DirectoryOnly && !isDirectory)
            {
                continue;
            }

            if (e.Glob.IsMatch(e.BasenameOnly ? name : path))
            {
                best = index;
                break;
            }
        }

        return best;
    }

    private static int NextDot(ReadOnlySpan<char> name, int dot)
    {
        var next = name[(dot + 1)..].IndexOf('.');
        return next < 0 ? -1 : dot + 1 + next;
    }
}
