using System.Buffers;
using System.Buffers.Text;

namespace Scour.Output;

/// <summary>A growable, pooled byte buffer that holds one file's output until it is written in one piece.</summary>
internal sealed class OutputBuffer : IDisposable
{
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _length;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _length);

    /// <summary>The number of bytes written so far.</summary>
    public int Length => _length;

    /// <summary>Forgets the contents, keeping the memory.</summary>
    public void Clear() => _length = 0;

    /// <summary>Appends bytes.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>
    /// Escape bytes (colors, hyperlinks) appended since <see cref="ResetEscapeCount"/>, kept across
    /// <see cref="Clear"/>: rg's "bytes printed" leaves them out.
    /// </summary>
    public long EscapeBytes { get; private set; }

    /// <summary>Starts counting escape bytes again.</summary>
    public void ResetEscapeCount() => EscapeBytes = 0;

    /// <summary>Appends a terminal escape sequence (a color or a hyperlink), which is not output text.</summary>
    public void WriteEscape(ReadOnlySpan<byte> bytes)
    {
        Write(bytes);
        EscapeBytes += bytes.Length;
    }

    /// <summary>Appends one byte.</summary>
    public void Write(byte b)
    {
        Ensure(1);
        _bytes[_length++] = b;
    }

    /// <summary>Appends a number in decimal.</summary>
    public void WriteNumber(long value)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(value, _bytes.AsSpan(_length), out var written);
        _length += written;
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _bytes.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, _length + extra));
        _bytes.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = bigger;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
        _length = 0;
    }
}
