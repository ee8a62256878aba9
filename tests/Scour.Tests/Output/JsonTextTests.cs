using System.Text;
using Scour.Output;

namespace Scour.Tests.Output;

/// <summary>JSON escaping as serde_json does it (the expected strings were checked against rg --json).</summary>
public class JsonTextTests
{
    [Theory]
    [InlineData("plain", "{\"text\":\"plain\"}")]
    [InlineData("x\ty\"z\\\u0001/é\n", "{\"text\":\"x\\ty\\\"z\\\\\\u0001/é\\n\"}")]
    [InlineData("\r\b\f", "{\"text\":\"\\r\\b\\f\"}")]
    public void Text(string input, string expected)
    {
        using var output = new OutputBuffer();
        JsonText.WriteData(output, Encoding.UTF8.GetBytes(input));
        Assert.Equal(expected, Encoding.UTF8.GetString(output.Written));
    }

    [Fact]
    public void Invalid_utf8_is_base64()
    {
        using var output = new OutputBuffer();
        JsonText.WriteData(output, [(byte)'x', 0x09, (byte)'y', (byte)'"', (byte)'z', (byte)'\\', 0x01, 0xFF, (byte)'\n']);
        Assert.Equal("{\"bytes\":\"eAl5InpcAf8K\"}", Encoding.UTF8.GetString(output.Written)); // rg 13's output for the same line
    }
}
