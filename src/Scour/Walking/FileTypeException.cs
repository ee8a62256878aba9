namespace Scour.Walking;

/// <summary>An unknown file type or a malformed type definition; the message is ripgrep's wording.</summary>
public sealed class FileTypeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FileTypeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public FileTypeException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public FileTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
