using System.Text;

using Scour.Matching;

namespace Scour.Output;

/// <summary>
/// A <c>-r/--replace</c> template with Rust's expansion rules: <c>$1</c>, <c>$name</c> (the longest run
/// of letters, digits and <c>_</c>), <c>${1}</c> and <c>${name}</c>, <c>$$</c> for a dollar; a group that
/// does not exist or did not match expands to nothing; a <c>$</c> not followed by a name is literal.
/// </summary>
internal sealed class Replacement
{
    private readonly List<(byte[]? Literal, int Number, string? Name)> _parts = [];

    public Replacement(string template)
    {
        var literal = new StringBuilder();
        void Flush()
        {
            if (literal.Length > 0)
            {
                _parts.Add((Encoding.UTF8.GetBytes(literal.ToString()), -1, null));
                literal.Clear();
            }
        }

        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c != '$' || i + 1 >= template.Length)
            {
                literal.Append(c);
                continue;
            }

            if (template[i + 1] == '$')
            {
                literal.Append('$');
                i++;
                continue;
            }

            string name;
            if (template[i + 1] == '{')
            {
                var close = template.IndexOf('}', i + 2);
                if (close < 0)
                {
                    literal.Append(c);
                    continue;
                }

                name = template[(i + 2)..close];
                i = close;
            }
            else
            {
                var end = i + 1;
                while (end < template.Length && (char.IsAsciiLetterOrDigit(template[end]) || template[end] == '_'))
                {
                    end++;
                }

                if (end == i + 1)
                {
                    literal.Append(c);
                    continue;
                }

                name = template[(i + 1)..end];
                i = end - 1;
            }

            Flush();
            _parts.Add(int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? (null, number, null)
                : (null, -1, name));
        }

        Flush();
    }

    /// <summary>Appends the expansion for one match of <paramref name="line"/> to <paramref name="output"/>.</summary>
    public void Expand(ReadOnlySpan<byte> line, ByteRange[] groups, Func<string, int> resolveName, List<byte> output)
    {
        foreach (var (literal, number, name) in _parts)
        {
            if (literal is not null)
            {
                output.AddRange(literal);
                continue;
            }

            var g = name is null ? number : resolveName(name);
            if (g >= 0 && g < groups.Length && groups[g].Start >= 0)
            {
                output.AddRange(line[groups[g].Start..groups[g].End]);
            }
        }
    }
}
