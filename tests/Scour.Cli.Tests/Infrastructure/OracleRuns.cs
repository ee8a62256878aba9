namespace Scour.Cli.Tests.Infrastructure;

/// <summary>
/// rg 15.2 is not fully deterministic: its per-thread read buffer keeps the size an earlier file grew it
/// to, so the bytes it counts as searched in a binary file (the JSON summary, <c>--stats</c>) now and
/// then differ between two runs of the same command (measured: about 1 run in 40 on the fixture tree).
/// A differential test therefore runs rg again, a few times, when its output differs from scour's, and
/// then compares with the last run exactly as before. Scour runs once: its own output is never retried.
/// </summary>
public static class OracleRuns
{
    public const int Attempts = 4;

    /// <summary>Runs <paramref name="run"/> until <paramref name="agrees"/> holds, at most <see cref="Attempts"/> times; returns the last result.</summary>
    public static CommandResult Until(Func<CommandResult> run, Func<CommandResult, bool> agrees)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(agrees);
        var result = run();
        for (var attempt = 1; attempt < Attempts && !agrees(result); attempt++)
        {
            result = run();
        }

        return result;
    }
}
