namespace Scour.Searching;

/// <summary>What a search of one file saw.</summary>
/// <param name="BytesSearched">Bytes read and searched.</param>
/// <param name="BinaryOffset">The offset of the first NUL byte, if binary detection found one.</param>
/// <param name="MatchedLines">The number of lines reported as matches.</param>
public readonly record struct SearchResult(long BytesSearched, long? BinaryOffset, long MatchedLines);
