namespace Scour.Cli.Tests.Infrastructure;

/// <summary>The published native binary under test: <c>SCOUR_BIN</c>, or the repository's publish folder.</summary>
public static class ScourBinary
{
    private static readonly Lazy<string> Located = new(() =>
    {
        var fromEnv = Environment.GetEnvironmentVariable("SCOUR_BIN");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Scour.slnx")))
        {
            dir = dir.Parent;
        }

        var path = dir is null ? null : System.IO.Path.Combine(dir.FullName, "artifacts", "native", "scour");
        if (path is null || !File.Exists(path))
        {
            throw new InvalidOperationException("the scour binary is not built: run ./test.sh (or eng/publish.sh), or set SCOUR_BIN");
        }

        return path;
    });

    public static string Executable => Located.Value;

    public static CommandResult Run(string workingDirectory, params string[] args) =>
        CommandRunner.Run(Executable, args, workingDirectory);

    public static CommandResult RunWithStdin(string workingDirectory, byte[] stdin, params string[] args) =>
        CommandRunner.Run(Executable, args, workingDirectory, stdin);
}
