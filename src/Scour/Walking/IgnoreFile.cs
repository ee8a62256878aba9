namespace Scour.Walking;

/// <summary>
/// The rules of one gitignore-format file (<c>.gitignore</c>, <c>.ignore</c>, <c>.rgignore</c>,
/// <c>info/exclude</c>, a global excludes file), with git's semantics: the last matching rule wins.
/// </summary>
public sealed class IgnoreFile
{
    private readonly IgnoreRule[] _rules;
    private readonly GlobSet _set = new();

    private IgnoreFile(string? path, IgnoreRule[] rules, IReadOnlyList<string> errors)
    {
        SourcePath = path;
        _rules = rules;
        Errors = errors;
        foreach (var rule in rules)
        {
            _set.Add(rule.Glob, rule.BasenameOnly, rule.DirectoryOnly);
        }
    }

    /// <summary>The file the rules came from, if any.</summary>
    public string? SourcePath { get; }

    /// <summary>The compiled rules in file order.</summary>
    public IReadOnlyList<IgnoreRule> Rules => _rules;

    /// <summary>Lines that could not be compiled, as messages naming the file and line; they are skipped.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>True if there are no rules.</summary>
    public bool IsEmpty => _rules.Length == 0;

    /// <summary>Reads and compiles an ignore file; a missing or unreadable file gives null.</summary>
    public static IgnoreFile? Load(string path, bool caseInsensitive = false) => Load(path, caseInsensitive, shownAs: null);

    /// <summary>As <see cref="Load(string, bool)"/>, with errors naming the file <paramref name="shownAs"/> (as the walk shows it).</summary>
    internal static IgnoreFile? Load(string path, bool caseInsensitive, string? shownAs)
    {
        string text;
        try
        {
            if (FileNameEncoding.HasEscapes(path))
            {
                text = ReadByBytes(path); // a directory whose name is not UTF-8: .NET's file APIs cannot name it
            }
            else if (!File.Exists(path))
            {
                // Most candidates (a global ignore file) do not exist: asking first spares an exception,
                // which costs a stack walk (a large part of an empty search's start-up).
                return null;
            }
            else
            {
                text = File.ReadAllText(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return Parse(text, path, caseInsensitive, alternates: false, shownAs);
    }

    private static string ReadByBytes(string path)
    {
        using var handle = Searching.NativeFile.OpenRead(path);
        var bytes = new byte[RandomAccess.GetLength(handle)];
        var read = 0;
        while (read < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(read), read) is var n and > 0)
        {
            read += n;
        }

        return System.Text.Encoding.UTF8.GetString(bytes, 0, read);
    }

    /// <summary>Compiles rules from text in gitignore format.</summary>
    public static IgnoreFile Parse(string text, string? path = null, bool caseInsensitive = false)
    {
        return Parse(text, path, caseInsensitive, alternates: false);
    }

    internal static IgnoreFile Parse(string text, string? path, bool caseInsensitive, bool alternates, string? shownAs = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<IgnoreRule>();
        var errors = new List<string>();
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            try
            {
                if (ParseRule(line, lineNumber, caseInsensitive, alternates) is { } rule)
                {
                    rules.Add(rule);
                }
            }
            catch (GlobSyntaxException e)
            {
                errors.Add($"{shownAs ?? path ?? "<ignore rules>"}: line {lineNumber}: {e.Message}");
            }
        }

        return new IgnoreFile(path, rules.ToArray(), errors);
    }

    /// <summary>Compiles one line; null for blank lines and comments; throws <see cref="GlobSyntaxException"/>.</summary>
    internal static IgnoreRule? ParseRule(string line, int lineNumber, bool caseInsensitive, bool alternates)
    {
        if (line.Length == 0 || line[0] == '#')
        {
            return null;
        }

        line = TrimTrailingSpaces(line);
        if (line.Length == 0)
        {
            return null;
        }

        var negated = false;
        if (line[0] == '!')
        {
            negated = true;
            line = line[1..];
        }
        else if (line.StartsWith("\\!", StringComparison.Ordinal) || line.StartsWith("\\#", StringComparison.Ordinal))
        {
            line = line[1..];
        }

        // One trailing slash makes the rule match directories only; as rg 14+, an escaped one ("foo\/")
        // too, the escape dropped with it.
        var directoryOnly = false;
        if (line.EndsWith('/'))
        {
            directoryOnly = true;
            line = line[..^1];
            if (line.EndsWith('\\'))
            {
                line = line[..^1];
            }
        }

        if (line.Length == 0)
        {
            return null;
        }

        var basenameOnly = !ContainsUnescapedSlash(line);
        if (line[0] == '/')
        {
            line = line[1..];
        }

        var glob = Glob.Parse(line, caseInsensitive, alternates);
        return new IgnoreRule(glob, negated, directoryOnly, basenameOnly, lineNumber);
    }

    private static bool ContainsUnescapedSlash(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == '/')
            {
                return true;
            }
        }

        return false;
    }

    // Trailing spaces are dropped unless escaped with a backslash ("foo\ " keeps one space).
    private static string TrimTrailingSpaces(string line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ')
        {
            if (end >= 2 && line[end - 2] == '\\')
            {
                return line[..(end - 2)] + line[(end - 1)..end];
            }

            end--;
        }

        return line[..end];
    }

    /// <summary>The verdict of the last rule matching <paramref name="relativePath"/>.</summary>
    public IgnoreMatch Match(ReadOnlySpan<char> relativePath, bool isDirectory)
    {
        var last = _set.LastMatch(relativePath, isDirectory);
        return last < 0 ? IgnoreMatch.None : _rules[last].Negated ? IgnoreMatch.Whitelist : IgnoreMatch.Ignore;
    }
}
