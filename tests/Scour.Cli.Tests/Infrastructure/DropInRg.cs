namespace Scour.Cli.Tests.Infrastructure;

/// <summary>
/// The scour binary linked under the name <c>rg</c> (in a directory of its own), as a user who installs
/// it as a drop-in for ripgrep would have it: it then speaks as rg 15.2 does, so its stderr can be
/// compared with the oracle's byte for byte.
/// </summary>
public static class DropInRg
{
    private static readonly Lazy<string> Linked = new(() =>
    {
        var directory = Path.Combine(Path.GetTempPath(), "scour-dropin-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        var link = Path.Combine(directory, "rg");
        if (!File.Exists(link))
        {
            File.CreateSymbolicLink(link, ScourBinary.Executable);
        }

        return link;
    });

    public static string Executable => Linked.Value;
}
