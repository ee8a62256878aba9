namespace Scour;

/// <summary>
/// Describes an I/O failure the way ripgrep (and the OS) does, e.g. <c>No such file or directory (os error 2)</c>,
/// so that messages read the same as rg's and do not depend on .NET's exception wording.
/// </summary>
internal static class IoErrorText
{
    /// <summary>A short description of <paramref name="error"/> ending with its OS error number when known.</summary>
    public static string Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            FileNotFoundException or DirectoryNotFoundException => "No such file or directory (os error 2)",
            UnauthorizedAccessException => "Permission denied (os error 13)",
            PathTooLongException => "File name too long (os error 36)",
            IOException io when Errno(io) is { } errno => FromErrno(errno, io.Message),
            System.Text.RegularExpressions.RegexMatchTimeoutException e => $"error matching: match time limit exceeded ({e.MatchTimeout.TotalSeconds:0.#} s on one line, on .NET's backtracking engine: PCRE2 is not loaded)",
            _ => error.Message,
        };
    }

    /// <summary>An OS error number described as ripgrep does, e.g. <c>No such file or directory (os error 2)</c>.</summary>
    public static string FromErrno(int errno, string fallback) => $"{Strerror(errno, fallback)} (os error {errno})";

    private static int? Errno(IOException e)
    {
        // On Unix, .NET stores errno in the low bits of HResult for errors it does not map to a type.
        var code = e.HResult & 0xFFFF;
        return code is > 0 and < 200 ? code : null;
    }

    private static string Strerror(int errno, string fallback) => errno switch
    {
        1 => "Operation not permitted",
        2 => "No such file or directory",
        5 => "Input/output error",
        13 => "Permission denied",
        20 => "Not a directory",
        21 => "Is a directory",
        24 => "Too many open files",
        27 => "File too large",
        28 => "No space left on device",
        32 => "Broken pipe",
        36 => "File name too long",
        40 => "Too many levels of symbolic links",
        122 => "Disk quota exceeded",
        _ => fallback,
    };
}
