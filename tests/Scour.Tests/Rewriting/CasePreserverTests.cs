using Scour.Rewriting;

namespace Scour.Tests.Rewriting;

public sealed class CasePreserverTests
{
    [Theory]
    [InlineData("foo", "bar", "bar")]
    [InlineData("Foo", "bar", "Bar")]
    [InlineData("FOO", "bar", "BAR")]
    [InlineData("F", "bar", "Bar")]
    [InlineData("f", "bar", "bar")]
    [InlineData("fOo", "bar", "bar")] // no style: as written
    [InlineData("123", "bar", "bar")]
    [InlineData("foo", "BarBaz", "barbaz")]
    [InlineData("Foo", "barBaz", "BarBaz")]
    [InlineData("fooBar", "bazQux", "bazQux")]
    [InlineData("FooBar", "bazQux", "BazQux")]
    [InlineData("FOO_BAR", "baz_qux", "BAZ_QUX")]
    [InlineData("Foo_bar", "baz_qux", "Baz_qux")]
    [InlineData("foo-bar", "Baz-Qux", "baz-qux")]
    [InlineData("FOOBAR", "bazQux", "BAZQUX")]
    [InlineData("Фу", "бар", "Бар")]
    [InlineData("ФУ", "бар", "БАР")]
    [InlineData("Straße", "weg", "Weg")]
    [InlineData("FOO", "bär", "BÄR")]
    public void Follows_the_case_of_the_match(string matched, string replacement, string expected) =>
        Assert.Equal(expected, CasePreserver.Apply(matched, replacement));
}
