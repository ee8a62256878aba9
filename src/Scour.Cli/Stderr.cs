using System.Buffers;
using System.Text;

namespace Scour.Cli;

/// <summary>
/// Messages to standard error, one <c>write(2)</c> each so that messages from parallel workers never
/// interleave inside a line. A standard error that cannot be written to is ignored, as ripgrep does.
/// </summary>
internal static class Stderr
{
    private static readonly Stream Stream = OperatingSystem.IsWindows()
        ? Console.OpenStandardError()
        : new DescriptorStream(2);

    /// <summary>One message, prefixed as the tool's messages are (<c>scour: </c>, or <c>rg: </c> as rg).</summary>
    public static void Message(string message) => Write($"{Identity.Name}: {message}\n");

    public static void Write(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            Stream.Write(buffer, 0, length);
        }
        catch (IOException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
