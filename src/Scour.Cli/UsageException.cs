namespace Scour.Cli;

/// <summary>A command line that cannot be run; the message is printed after <c>scour: </c> and the exit code is 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
