using System.Text;

namespace Scour.Cli.Tests.Differential;

/// <summary>Splits a test case's command line on spaces, honouring single quotes (no other shell rules).</summary>
public static class ArgSplitter
{
    public static string[] Split(string commandLine)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in commandLine)
        {
            if (c == '\'')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any)
                {
                    args.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        if (any)
        {
            args.Add(current.ToString());
        }

        return args.ToArray();
    }
}
