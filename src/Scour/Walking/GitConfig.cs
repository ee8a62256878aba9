using System.Text.RegularExpressions;

namespace Scour.Walking;

/// <summary>Finds git's global excludes file the way ripgrep does.</summary>
internal static partial class GitConfig
{
    [GeneratedRegex(@"(?im)^\s*excludesfile\s*=\s*""?\s*(\S+?)\s*""?\s*$")]
    private static partial Regex ExcludesFileLine();

    /// <summary>The path of the global excludes file: <c>core.excludesFile</c> or the XDG default.</summary>
    public static string? GlobalExcludesFile(Func<string, string?> env)
    {
        var home = env("HOME");
        var xdg = env("XDG_CONFIG_HOME");
        var xdgDir = !string.IsNullOrEmpty(xdg) ? xdg : home is null ? null : Path.Combine(home, ".config");

        var candidates = new List<string>();
        if (env("GIT_CONFIG_GLOBAL") is { Length: > 0 } global)
        {
            candidates.Add(global);
        }

        if (home is not null)
        {
            candidates.Add(Path.Combine(home, ".gitconfig"));
        }

        if (xdgDir is not null)
        {
            candidates.Add(Path.Combine(xdgDir, "git", "config"));
        }

        foreach (var config in candidates.Where(File.Exists)) // no exception for a file that is not there
        {
            string text;
            try
            {
                text = File.ReadAllText(config);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            var m = ExcludesFileLine().Match(text);
            if (m.Success)
            {
                var path = m.Groups[1].Value;
                if (path.StartsWith("~/", StringComparison.Ordinal) && home is not null)
                {
                    path = Path.Combine(home, path[2..]);
                }

                return path;
            }
        }

        return xdgDir is null ? null : Path.Combine(xdgDir, "git", "ignore");
    }
}
