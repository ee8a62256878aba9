using System.Buffers.Binary;
using System.Numerics;

namespace Scour.Indexing;

/// <summary>CRC-32C (hardware-accelerated through <see cref="BitOperations.Crc32C(uint, ulong)"/>): every index file section carries one.</summary>
internal static class Crc32C
{
    /// <summary>The checksum of <paramref name="data"/>.</summary>
    public static uint Of(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>The checksum of what <paramref name="previous"/> covered followed by <paramref name="data"/>.</summary>
    public static uint Append(uint previous, ReadOnlySpan<byte> data)
    {
        var crc = ~previous;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
