namespace Scour.Walking;

/// <summary>
/// Named sets of file-name globs (<c>rust: *.rs</c>) and a selection of them (<c>-t rust -T md</c>).
/// Types match file names only, never directories; among the selected types the last matching glob
/// decides; with any <c>-t</c>, a file that matches no selected type is excluded.
/// </summary>
public sealed class FileTypes
{
    private readonly SortedDictionary<string, List<string>> _definitions;
    private readonly GlobSet _set = new();
    private readonly List<bool> _negated = [];
    private readonly bool _anySelected;

    private FileTypes(SortedDictionary<string, List<string>> definitions, IReadOnlyList<(string Name, bool Negated)> selections)
    {
        _definitions = definitions;
        foreach (var (name, negated) in selections)
        {
            IEnumerable<string> globs = name == "all" ? definitions.Values.SelectMany(g => g) : definitions.TryGetValue(name, out var g) ? g : throw new FileTypeException($"unrecognized file type: {name}");
            foreach (var glob in globs)
            {
                _set.Add(Glob.Parse(glob), basenameOnly: true, directoryOnly: false);
                _negated.Add(negated);
            }

            _anySelected |= !negated;
        }
    }

    /// <summary>ripgrep's built-in definitions with nothing selected.</summary>
    public static FileTypes Default { get; } = new Builder().Build();

    /// <summary>True when no type is selected (then types decide nothing).</summary>
    public bool IsEmpty => _set.Count == 0 && !_anySelected;

    /// <summary>Every definition, by name, with its globs sorted (what <c>--type-list</c> prints).</summary>
    public IEnumerable<(string Name, IReadOnlyList<string> Globs)> Definitions =>
        _definitions.Select(d => (d.Key, (IReadOnlyList<string>)d.Value.Order(StringComparer.Ordinal).ToList()));

    /// <summary>The verdict for a file name.</summary>
    public IgnoreMatch Match(ReadOnlySpan<char> name, bool isDirectory)
    {
        if (isDirectory || IsEmpty)
        {
            return IgnoreMatch.None;
        }

        var last = _set.LastMatch(name, false);
        if (last >= 0)
        {
            return _negated[last] ? IgnoreMatch.Ignore : IgnoreMatch.Whitelist;
        }

        return _anySelected ? IgnoreMatch.Ignore : IgnoreMatch.None;
    }

    /// <summary>Builds a <see cref="FileTypes"/> from the defaults and the <c>--type-*</c> flags, in order.</summary>
    public sealed class Builder
    {
        private readonly SortedDictionary<string, List<string>> _definitions = new(StringComparer.Ordinal);
        private readonly List<(string Name, bool Negated)> _selections = [];

        /// <summary>Starts from ripgrep's built-in types.</summary>
        public Builder()
        {
            foreach (var (name, globs) in DefaultFileTypes.All)
            {
                _definitions[name] = [.. globs];
            }
        }

        /// <summary><c>--type-add</c>: <c>name:glob</c>, or <c>name:include:other,types</c>.</summary>
        public Builder Add(string definition)
        {
            ArgumentNullException.ThrowIfNull(definition);
            var parts = definition.Split(':');
            if (parts.Length is < 2 or > 3 || !ValidName(parts[0]) || parts[1].Length == 0)
            {
                throw Invalid();
            }

            var globs = Globs(parts[0]);
            if (parts.Length == 2)
            {
                Glob.Parse(parts[1]); // reject a malformed glob now, with rg's message
                globs.Add(parts[1]);
                return this;
            }

            if (parts[1] != "include")
            {
                throw Invalid();
            }

            foreach (var other in parts[2].Split(','))
            {
                if (!_definitions.TryGetValue(other, out var included))
                {
                    throw Invalid();
                }

                globs.AddRange(included);
            }

            return this;
        }

        /// <summary><c>--type-clear</c>: forgets a type's globs.</summary>
        public Builder Clear(string name)
        {
            _definitions.Remove(name);
            return this;
        }

        /// <summary><c>-t</c>: searches files of this type (<c>all</c> for every type).</summary>
        public Builder Select(string name)
        {
            _selections.Add((name, false));
            return this;
        }

        /// <summary><c>-T</c>: skips files of this type.</summary>
        public Builder Negate(string name)
        {
            _selections.Add((name, true));
            return this;
        }

        /// <summary>Compiles the selection; throws <see cref="FileTypeException"/> for an unknown type.</summary>
        public FileTypes Build() => new(new SortedDictionary<string, List<string>>(_definitions.ToDictionary(d => d.Key, d => d.Value.Distinct(StringComparer.Ordinal).ToList()), StringComparer.Ordinal), _selections);

        private List<string> Globs(string name)
        {
            if (!_definitions.TryGetValue(name, out var globs))
            {
                _definitions[name] = globs = [];
            }

            return globs;
        }

        private static bool ValidName(string name) => name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '+' or '.');

        private static FileTypeException Invalid() => new("invalid definition (format is type:glob, e.g., html:*.html)");
    }
}
