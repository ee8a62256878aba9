namespace Scour.Searching;

/// <summary>A decompressing stream as a byte source; corrupt data is an I/O error naming the format.</summary>
internal sealed class DecodingSource(Stream stream, string format) : IByteSource, IDisposable
{
    public int Read(Span<byte> destination)
    {
        try
        {
            return stream.Read(destination);
        }
        catch (InvalidDataException e)
        {
            throw new IOException($"decompression failed: not valid {format} data", e);
        }
    }

    public void Dispose() => stream.Dispose();
}
