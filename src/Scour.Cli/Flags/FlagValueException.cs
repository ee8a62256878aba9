namespace Scour.Cli.Flags;

/// <summary>
/// A flag's value that cannot be used. The parser reports it as rg 15 does, naming the flag as it was
/// written: <c>error parsing flag -A: value is not a valid number: invalid digit found in string</c>.
/// </summary>
internal sealed class FlagValueException(string message) : Exception(message);
