namespace Scour.Walking;

/// <summary>A malformed glob. The message follows ripgrep's <c>error parsing glob</c> wording.</summary>
public sealed class GlobSyntaxException : Exception
{
    /// <summary>Creates the exception for <paramref name="glob"/>.</summary>
    public GlobSyntaxException(string glob, string reason)
        : base($"error parsing glob '{glob}': {reason}")
    {
        Glob = glob;
        Reason = reason;
    }

    /// <summary>Creates an exception with a message.</summary>
    public GlobSyntaxException(string message)
        : this(string.Empty, message)
    {
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public GlobSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Glob = string.Empty;
        Reason = message;
    }

    /// <summary>Creates an exception.</summary>
    public GlobSyntaxException()
        : this("invalid glob")
    {
    }

    /// <summary>The glob as written.</summary>
    public string Glob { get; }

    /// <summary>Why it is malformed.</summary>
    public string Reason { get; }
}
