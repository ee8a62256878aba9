using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Scour.Indexing;

/// <summary>CRC-32C (hardware-accelerated through <see cref="BitOperations.Crc32C(uint, ulong)"/>): every index file section carries one.</summary>
internal static class Crc32C
{
    // Long inputs run as three streams of this many bytes at once: the instruction's latency is about
    // three times its throughput, so one dependent chain leaves two thirds of the unit idle (a search
    // checks a 6 MiB table before it can start; one chain took 0.9 ms of it).
    private const int Block = 8192;

    // Zeros[k][v]: the register that v << 8k becomes after Block zero bytes. The update is linear in the
    // register and the data together, so a stream begun from zero is joined to the one before it by
    // pushing that one's register over the stream's length: Join(a) ^ b.
    private static readonly uint[] Zeros = ZeroOperator();

    /// <summary>The checksum of <paramref name="data"/>.</summary>
    public static uint Of(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>The checksum of what <paramref name="previous"/> covered followed by <paramref name="data"/>.</summary>
    public static uint Append(uint previous, ReadOnlySpan<byte> data)
    {
        var crc = ~previous;
        while (data.Length >= 3 * Block)
        {
            ref var start = ref MemoryMarshal.GetReference(data);
            uint a = crc, b = 0, c = 0;
            for (var i = 0; i < Block; i += 8)
            {
                a = BitOperations.Crc32C(a, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i)));
                b = BitOperations.Crc32C(b, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, Block + i)));
                c = BitOperations.Crc32C(c, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, (2 * Block) + i)));
            }

            crc = Join(Join(a) ^ b) ^ c;
            data = data[(3 * Block)..];
        }

        return ~Chain(crc, data);
    }

    private static uint Chain(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return crc;
    }

    private static uint Join(uint crc) =>
        Zeros[(int)(crc & 0xFF)] ^ Zeros[256 + (int)((crc >> 8) & 0xFF)] ^ Zeros[512 + (int)((crc >> 16) & 0xFF)] ^ Zeros[768 + (int)(crc >> 24)];

    private static uint[] ZeroOperator()
    {
        Span<byte> zeros = stackalloc byte[Block];
        zeros.Clear();
        Span<uint> bit = stackalloc uint[32];
        for (var i = 0; i < 32; i++)
        {
            bit[i] = Chain(1u << i, zeros);
        }

        var table = new uint[4 * 256];
        for (var k = 0; k < 4; k++)
        {
            for (var v = 1; v < 256; v++)
            {
                // v's lowest set bit, plus what the rest of v already gave
                var low = BitOperations.TrailingZeroCount(v);
                table[(k * 256) + v] = bit[(8 * k) + low] ^ table[(k * 256) + (v & (v - 1))];
            }
        }

        return table;
    }
}
