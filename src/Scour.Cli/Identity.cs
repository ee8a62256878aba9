namespace Scour.Cli;

/// <summary>
/// Who the user started: <c>scour</c>, or Scour installed or linked as <c>rg</c> (the basename of
/// <c>argv[0]</c>), where it is ripgrep 15.2 at every edge an embedder sees: messages start with
/// <c>rg: </c>, only <c>RIPGREP_CONFIG_PATH</c> is read, and <c>--version</c> begins as rg's does.
/// </summary>
internal static class Identity
{
    /// <summary>The ripgrep release Scour follows, as its <c>--version</c> names it.</summary>
    public const string RipgrepVersion = "15.2.0";

    /// <summary>True when started under the name <c>rg</c>.</summary>
    public static bool IsRipgrep { get; } = StartedAsRipgrep();

    /// <summary>The prefix of every message on standard error, without its colon.</summary>
    public static string Name => IsRipgrep ? "rg" : "scour";

    /// <summary>How messages name the tool in prose ("which means ripgrep probably ...").</summary>
    public static string ProseName => IsRipgrep ? "ripgrep" : "scour";

    /// <summary>
    /// The configuration file to read and the variable that named it, or null for none. As rg, only
    /// <c>RIPGREP_CONFIG_PATH</c>; as scour, <c>SCOUR_CONFIG_PATH</c> when it is set (even empty), else
    /// <c>RIPGREP_CONFIG_PATH</c>, so a ripgrep user's configuration keeps working. An empty value means
    /// no configuration.
    /// </summary>
    public static (string Variable, string Path)? ConfigFile()
    {
        var variable = !IsRipgrep && Environment.GetEnvironmentVariable("SCOUR_CONFIG_PATH") is not null
            ? "SCOUR_CONFIG_PATH"
            : "RIPGREP_CONFIG_PATH";
        return Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path ? (variable, path) : null;
    }

    private static bool StartedAsRipgrep()
    {
        // argv[0] as the caller wrote it (a symlink's own name), not the resolved executable path.
        var args = Environment.GetCommandLineArgs();
        if (args.Length == 0)
        {
            return false;
        }

        var name = Path.GetFileName(args[0]);
        return name is "rg" or "rg.exe";
    }
}
