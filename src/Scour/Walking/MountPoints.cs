using System.Text;

namespace Scour.Walking;

/// <summary>The mount points of the system, for <c>--one-file-system</c> (read from <c>/proc/self/mountinfo</c>).</summary>
internal static class MountPoints
{
    public static HashSet<string> Load()
    {
        var points = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.ReadLines("/proc/self/mountinfo"))
            {
                // Fields: id parent major:minor root mount-point options ...
                var fields = line.Split(' ');
                if (fields.Length > 4)
                {
                    points.Add(Unescape(fields[4]));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or no /proc: no boundaries are known.
        }

        return points;
    }

    // mountinfo escapes space, tab, newline and backslash as \ooo octal.
    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length)
            {
                sb.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                sb.Append(field[i]);
            }
        }

        return sb.ToString();
    }
}
