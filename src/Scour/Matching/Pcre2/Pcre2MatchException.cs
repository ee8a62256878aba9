namespace Scour.Matching.Pcre2;

/// <summary>
/// PCRE2 gave up on an input (its match, depth or heap limit, or the JIT stack ran out). An
/// <see cref="IOException"/> because, as in rg, it fails that one input: the search reports it with the
/// input's name and goes on with the rest.
/// </summary>
internal sealed class Pcre2MatchException(string message) : IOException(message);
