namespace Scour.Cli.Tests.Infrastructure;

/// <summary>
/// The real tools scour is checked against. A missing oracle skips its tests with a message, unless
/// <c>SCOUR_REQUIRE_ORACLES=1</c> (set by CI), where the tests fail instead.
/// </summary>
public static class Oracle
{
    public static bool Required => Environment.GetEnvironmentVariable("SCOUR_REQUIRE_ORACLES") == "1";

    public static string? Rg => CommandRunner.Which("rg");

    public static string? Git => CommandRunner.Which("git");

    public static string? Grep => CommandRunner.Which("grep");

    /// <summary>The skip reason for a missing tool, or null when it is there (or required, so the test fails loudly).</summary>
    public static string? SkipReason(string tool)
    {
        if (CommandRunner.Which(tool) is not null || Required)
        {
            return null;
        }

        return $"oracle '{tool}' not found on PATH (install it, e.g. apt-get install ripgrep; CI sets SCOUR_REQUIRE_ORACLES=1)";
    }

    public static string Require(string tool) =>
        CommandRunner.Which(tool) ?? throw new InvalidOperationException($"oracle '{tool}' is required (SCOUR_REQUIRE_ORACLES=1) but not found on PATH");
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
