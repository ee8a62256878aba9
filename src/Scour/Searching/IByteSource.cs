namespace Scour.Searching;

/// <summary>A forward-only source of bytes to search: a file, standard input, or a transcoded stream.</summary>
internal interface IByteSource
{
    /// <summary>Reads up to <c>destination.Length</c> bytes; returns 0 only at the end.</summary>
    int Read(Span<byte> destination);

    /// <summary>How many bytes the source holds, when it can tell (a file), else -1: a whole-input search sizes its buffer from it.</summary>
    long LengthHint => -1;
}
