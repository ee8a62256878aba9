namespace Scour;

/// <summary>
/// Where Scour keeps per-user files, as the XDG base directory specification places them: a variable of
/// Scour's own when set, else <c>$XDG_..._HOME/scour</c> (an absolute path only), else
/// <c>~/DEFAULT/scour</c>, or local application data on Windows.
/// </summary>
internal static class UserDirectory
{
    /// <param name="environment">Variable lookups.</param>
    /// <param name="overrideVariable">Scour's own variable naming the directory itself (or null for none).</param>
    /// <param name="xdgVariable">The XDG variable, e.g. <c>XDG_STATE_HOME</c>.</param>
    /// <param name="homeDefault">The XDG default below the home directory, e.g. <c>.local/state</c>.</param>
    public static string Of(Func<string, string?> environment, string? overrideVariable, string xdgVariable, string homeDefault)
    {
        if (overrideVariable is not null && environment(overrideVariable) is { Length: > 0 } explicitDirectory)
        {
            return explicitDirectory;
        }

        if (environment(xdgVariable) is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "scour");
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "scour");
        }

        var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, homeDefault, "scour");
    }
}
