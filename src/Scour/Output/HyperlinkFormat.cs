using System.Globalization;
using System.Text;

namespace Scour.Output;

/// <summary>
/// <c>--hyperlink-format</c> (ripgrep 14): paths printed in color become OSC 8 terminal hyperlinks whose
/// address is a template over <c>{path}</c> (absolute, percent-encoded), <c>{host}</c>, <c>{line}</c>,
/// <c>{column}</c> and <c>{wslprefix}</c>, or one of rg's named formats (<c>vscode</c>, <c>file</c>, ...).
/// Where a line or column is not known (a heading, <c>-l</c>), 1 stands in.
/// </summary>
internal sealed class HyperlinkFormat
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["default"] = "file://{host}{path}",
        ["file"] = "file://{host}{path}",
        ["grep+"] = "grep+://{path}:{line}",
        ["kitty"] = "file://{host}{path}#{line}",
        ["macvim"] = "mvim://open?url=file://{path}&line={line}&column={column}",
        ["textmate"] = "txmt://open?url=file://{path}&line={line}&column={column}",
        ["vscode"] = "vscode://file{path}:{line}:{column}",
        ["vscode-insiders"] = "vscode-insiders://file{path}:{line}:{column}",
        ["vscodium"] = "vscodium://file{path}:{line}:{column}",
        ["cursor"] = "cursor://file{path}:{line}:{column}",
    };

    private static readonly string[] Variables = ["path", "host", "line", "column", "wslprefix"];

    private readonly List<string> _parts; // literal, variable, literal, variable, ... (variables at odd indexes)
    private readonly string _host;

    private HyperlinkFormat(List<string> parts, string host)
    {
        _parts = parts;
        IsLineDependent = parts.Where((_, i) => i % 2 == 1).Contains("line");
        _host = host;
    }

    /// <summary>True when the address names <c>{line}</c>: then, as in rg, each line under a heading is linked too.</summary>
    public bool IsLineDependent { get; }

    /// <summary>The bytes that end a hyperlink.</summary>
    public static ReadOnlySpan<byte> Close => "\u001b]8;;\u001b\\"u8;

    /// <summary>
    /// Parses a format or alias; null for <c>none</c> or an empty format. Throws <see cref="ArgumentException"/>
    /// naming what is wrong. <paramref name="hostname"/> is asked only if the format uses <c>{host}</c>.
    /// </summary>
    public static HyperlinkFormat? Parse(string format, Func<string> hostname)
    {
        if (format is "" or "none")
        {
            return null;
        }

        var template = Aliases.GetValueOrDefault(format, format);
        var parts = new List<string>();
        var literal = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '}')
            {
                throw Invalid(format, "unopened variable: found '}' without a corresponding '{'");
            }

            if (template[i] != '{')
            {
                literal.Append(template[i]);
                continue;
            }

            var close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                throw Invalid(format, "unclosed variable: found '{' without a corresponding '}'");
            }

            var name = template[(i + 1)..close];
            if (!Variables.Contains(name))
            {
                throw Invalid(format, $"invalid hyperlink format variable: '{name}', choose from: path, line, column, host, wslprefix");
            }

            parts.Add(literal.ToString());
            parts.Add(name);
            literal.Clear();
            i = close;
        }

        parts.Add(literal.ToString());
        var variables = parts.Where((_, i) => i % 2 == 1).ToList();
        if (!variables.Contains("path"))
        {
            throw Invalid(format, "the {path} variable is required");
        }

        if (variables.Contains("column") && !variables.Contains("line"))
        {
            throw Invalid(format, "the {line} variable is required when {column} is used");
        }

        var scheme = parts[0].IndexOf(':', StringComparison.Ordinal);
        if (scheme < 1 || !char.IsAsciiLetter(parts[0][0]) || !parts[0][..scheme].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            throw Invalid(format, "the format must start with a valid URL scheme, e.g. file://");
        }

        return new HyperlinkFormat(parts, variables.Contains("host") ? hostname() : "");
    }

    /// <summary>
    /// What a hyperlink for a path shown as <paramref name="shownPath"/> points to, or null for none: as
    /// rg, the path as printed (after <c>--path-separator</c>) made canonical, so links are resolved and
    /// a path that no longer names a file (a replaced separator) gets no hyperlink. Windows only makes it absolute.
    /// </summary>
    public static string? TargetOf(ReadOnlySpan<byte> shownPath)
    {
        var path = Walking.FileNameEncoding.Decode(shownPath);
        if (OperatingSystem.IsWindows())
        {
            return path.Length == 0 ? null : Path.GetFullPath(path);
        }

        return path.Length > 0 && Walking.RealPath.Of(path) is { } real && real.StartsWith('/') ? real : null;
    }

    /// <summary>The bytes that start a hyperlink to <paramref name="target"/> (see <see cref="TargetOf"/>; relative paths are made absolute).</summary>
    public byte[] Open(string target, long line, long column)
    {
        var bytes = new List<byte>(64 + target.Length);
        bytes.AddRange("\u001b]8;;"u8);
        for (var i = 0; i < _parts.Count; i++)
        {
            if (i % 2 == 0)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(_parts[i]));
            }
            else if (_parts[i] == "path")
            {
                Encode(Walking.FileNameEncoding.GetBytes(Path.GetFullPath(target)), bytes);
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(_parts[i] switch
                {
                    "host" => _host,
                    "line" => Math.Max(1, line).ToString(CultureInfo.InvariantCulture),
                    "column" => Math.Max(1, column).ToString(CultureInfo.InvariantCulture),
                    _ => "",
                }));
            }
        }

        bytes.AddRange("\u001b\\"u8);
        return [.. bytes];
    }

    // As rg: ASCII outside the unreserved set (and '/', ':') is percent-encoded; bytes of non-ASCII
    // characters, and of names that are not UTF-8, are kept as they are.
    private static void Encode(byte[] path, List<byte> into)
    {
        foreach (var b in path)
        {
            if (b >= 0x80 || char.IsAsciiLetterOrDigit((char)b) || b is (byte)'/' or (byte)':' or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                into.Add(b);
            }
            else
            {
                into.Add((byte)'%');
                into.Add((byte)"0123456789ABCDEF"[b >> 4]);
                into.Add((byte)"0123456789ABCDEF"[b & 0xF]);
            }
        }
    }

    private static ArgumentException Invalid(string format, string why) => new($"invalid hyperlink format '{format}': {why}");
}
