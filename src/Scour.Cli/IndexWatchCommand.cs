namespace Scour.Cli;

/// <summary><c>scour index --watch</c>: not built yet.</summary>
internal static class IndexWatchCommand
{
    public static int Run(IReadOnlyList<string> paths, Stream stdout)
    {
        Stderr.Message("--watch is not available yet");
        return 2;
    }
}
