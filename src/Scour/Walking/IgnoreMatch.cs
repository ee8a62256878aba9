namespace Scour.Walking;

/// <summary>The verdict of a set of ignore rules on one path.</summary>
public enum IgnoreMatch
{
    /// <summary>No rule matched.</summary>
    None,

    /// <summary>The last matching rule ignores the path.</summary>
    Ignore,

    /// <summary>The last matching rule is a <c>!</c> rule: the path is explicitly included.</summary>
    Whitelist,
}
