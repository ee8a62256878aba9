using System.Buffers.Binary;

namespace Scour.Searching.Whatwg;

/// <summary>
/// The WHATWG Encoding Standard's indexes (pointer → code point, 0 where there is none), read from the
/// embedded <c>indexes.bin</c> (written by <c>eng/generate-whatwg-indexes.py</c>) one table at a time,
/// the first time a decoder needs it.
/// </summary>
internal static class WhatwgIndexes
{
    private static readonly Dictionary<string, int[]> Loaded = new(StringComparer.Ordinal);
    private static byte[]? s_data;

    /// <summary>The index <paramref name="name"/> (e.g. <c>jis0208</c>, <c>windows-1251</c>, <c>gb18030-ranges</c>).</summary>
    public static int[] Get(string name)
    {
        lock (Loaded)
        {
            if (Loaded.TryGetValue(name, out var table))
            {
                return table;
            }

            table = Read(s_data ??= Resource(), name);
            Loaded[name] = table;
            return table;
        }
    }

    private static byte[] Resource()
    {
        using var stream = typeof(WhatwgIndexes).Assembly.GetManifestResourceStream("whatwg-indexes.bin")
            ?? throw new InvalidOperationException("the WHATWG index resource is missing from the assembly");
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return data;
    }

    private static int[] Read(byte[] data, string name)
    {
        for (var at = 0; at < data.Length;)
        {
            var nameLength = data[at];
            var found = System.Text.Encoding.ASCII.GetString(data, at + 1, nameLength) == name;
            at += 1 + nameLength;
            var width = data[at];
            var count = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at + 1));
            at += 5;
            if (found)
            {
                var table = new int[count];
                for (var i = 0; i < count; i++)
                {
                    table[i] = width == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(at + (2 * i))) : (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at + (4 * i)));
                }

                return table;
            }

            at += width * count;
        }

        throw new InvalidOperationException($"the WHATWG index {name} is missing");
    }
}
