namespace Scour.Searching;

/// <summary>Reads a stream, e.g. standard input or a pipe.</summary>
internal sealed class StreamByteSource(Stream stream) : IByteSource
{
    public int Read(Span<byte> destination) => stream.Read(destination);
}
