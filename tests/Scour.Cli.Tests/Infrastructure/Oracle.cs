namespace Scour.Cli.Tests.Infrastructure;

/// <summary>
/// The real tools scour is checked against. A missing oracle skips its tests with a message, unless
/// <c>SCOUR_REQUIRE_ORACLES=1</c> (set by CI), where the tests fail instead.
/// </summary>
/// <remarks>
/// The rg oracle is ripgrep 15.2.0 and nothing else: <c>SCOUR_ORACLE_RG</c>, else the shared folder's
/// <c>oracles/rg-15.2.0/rg</c> beside the repository. An <c>rg</c> on PATH is not used (Debian's is 13.0,
/// two major versions old), and a binary whose <c>--version</c> is not 15.2.0 is refused.
/// </remarks>
public static class Oracle
{
    public const string RgVersion = "ripgrep 15.2.0";

    public static bool Required => Environment.GetEnvironmentVariable("SCOUR_REQUIRE_ORACLES") == "1";

    private static readonly Lazy<(string? Path, string? Problem)> RgLocated = new(LocateRg);

    /// <summary>Where a tool is: rg 15.2 for <c>rg</c>, the first match on PATH for the rest.</summary>
    public static string? Locate(string tool) => tool == "rg" ? RgLocated.Value.Path : CommandRunner.Which(tool);

    /// <summary>The skip reason for a missing tool, or null when it is there (or required, so the test fails loudly).</summary>
    public static string? SkipReason(string tool)
    {
        if (Locate(tool) is not null || Required)
        {
            return null;
        }

        return tool == "rg"
            ? $"oracle rg 15.2.0 not found: {RgLocated.Value.Problem} (set SCOUR_ORACLE_RG; CI sets SCOUR_REQUIRE_ORACLES=1)"
            : $"oracle '{tool}' not found on PATH (install it, e.g. apt-get install {tool}; CI sets SCOUR_REQUIRE_ORACLES=1)";
    }

    public static string Require(string tool) =>
        Locate(tool) ?? throw new InvalidOperationException(tool == "rg"
            ? $"oracle rg 15.2.0 is required (SCOUR_REQUIRE_ORACLES=1): {RgLocated.Value.Problem}"
            : $"oracle '{tool}' is required (SCOUR_REQUIRE_ORACLES=1) but not found on PATH");

    private static (string? Path, string? Problem) LocateRg()
    {
        var candidate = Environment.GetEnvironmentVariable("SCOUR_ORACLE_RG");
        if (string.IsNullOrEmpty(candidate))
        {
            var root = RepositoryRoot();
            candidate = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "oracles", "rg-15.2.0", "rg"));
        }

        if (candidate is null || !File.Exists(candidate))
        {
            return (null, $"no file at {candidate ?? "../shared/oracles/rg-15.2.0/rg"}");
        }

        var version = CommandRunner.Run(candidate, ["--version"], Path.GetTempPath());
        var firstLine = version.StdoutText.Split('\n')[0];
        return firstLine.StartsWith(RgVersion + " ", StringComparison.Ordinal) || firstLine == RgVersion
            ? (candidate, null)
            : (null, $"{candidate} is '{firstLine}', not {RgVersion}");
    }

    /// <summary>The checkout this test assembly was built from (the folder holding Scour.slnx), or null.</summary>
    public static string? RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Scour.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }
}

/// <summary>A fact that needs an oracle tool.</summary>
public sealed class OracleFactAttribute : FactAttribute
{
    public OracleFactAttribute(string tool)
    {
        Skip = Oracle.SkipReason(tool);
    }
}

/// <summary>A theory that needs an oracle tool.</summary>
public sealed class OracleTheoryAttribute : TheoryAttribute
{
    public OracleTheoryAttribute(string tool)
    {
        Skip = Oracle.SkipReason(tool);
    }
}
