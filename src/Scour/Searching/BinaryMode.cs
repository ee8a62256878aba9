namespace Scour.Searching;

/// <summary>What the searcher does on finding a NUL byte, ripgrep's sign of a binary file.</summary>
public enum BinaryMode
{
    /// <summary>Search everything as text (<c>-a</c>).</summary>
    None,

    /// <summary>Stop searching, as if the file ended before the buffer holding the NUL (walked files).</summary>
    Quit,

    /// <summary>Treat NUL as a line break and go on; the printer reports "binary file matches" (named files).</summary>
    Convert,
}
