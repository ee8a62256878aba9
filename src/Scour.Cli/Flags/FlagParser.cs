using System.Collections.Frozen;

namespace Scour.Cli.Flags;

/// <summary>
/// Parses arguments with ripgrep's conventions: <c>--flag=value</c> and <c>--flag value</c>, <c>-A3</c>
/// and <c>-A 3</c>, bundled switches (<c>-iw</c>), repeated flags (<c>-uuu</c>), <c>--no-</c>
/// negations, flags after positional arguments, and <c>--</c> ending the flags.
/// </summary>
internal static class FlagParser
{
    private static readonly FrozenDictionary<string, (Flag Flag, bool Negated)> ByLong = BuildLong();
    private static readonly FrozenDictionary<char, Flag> ByShort = FlagTable.All
        .Where(f => f.Short is not null)
        .ToFrozenDictionary(f => f.Short!.Value);

    private static FrozenDictionary<string, (Flag, bool)> BuildLong()
    {
        var map = new Dictionary<string, (Flag, bool)>(StringComparer.Ordinal);
        foreach (var f in FlagTable.All)
        {
            map[f.Long] = (f, false);
            foreach (var alias in f.Aliases)
            {
                map[alias] = (f, false);
            }

            if (f.Negation is not null)
            {
                map[f.Negation] = (f, true);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>All long spellings (for suggestions and completions).</summary>
    public static IEnumerable<string> LongNames => ByLong.Keys;

    public static RawArgs Parse(IReadOnlyList<string> args)
    {
        var raw = new RawArgs();
        var i = 0;
        var flagsEnded = false;
        while (i < args.Count)
        {
            var arg = args[i++];
            if (flagsEnded || arg == "-" || !arg.StartsWith('-'))
            {
                raw.Positional.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                flagsEnded = true;
                continue;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                ParseLong(raw, arg, args, ref i);
            }
            else
            {
                ParseShortBundle(raw, arg, args, ref i);
            }
        }

        return raw;
    }

    private static void ParseLong(RawArgs raw, string arg, IReadOnlyList<string> args, ref int i)
    {
        var body = arg[2..];
        string? inlineValue = null;
        var eq = body.IndexOf('=');
        if (eq >= 0)
        {
            inlineValue = body[(eq + 1)..];
            body = body[..eq];
        }

        if (!ByLong.TryGetValue(body, out var entry))
        {
            throw new UsageException(UnknownFlagMessage("--" + body));
        }

        var (flag, negated) = entry;
        if (negated)
        {
            if (inlineValue is not null)
            {
                throw new UsageException($"flag --{body} does not take a value");
            }

            flag.ApplyNegation!(raw);
            return;
        }

        if (flag.Long == "help")
        {
            raw.LongHelp = true;
            return;
        }

        if (!flag.TakesValue)
        {
            if (inlineValue is not null)
            {
                throw new UsageException($"flag --{flag.Long} does not take a value");
            }

            flag.Apply(raw, null);
            return;
        }

        var value = inlineValue ?? (i < args.Count ? args[i++] : throw new UsageException($"flag --{flag.Long} expects a value ({flag.ValueName})"));
        Apply(raw, flag, value);
    }

    private static void ParseShortBundle(RawArgs raw, string arg, IReadOnlyList<string> args, ref int i)
    {
        for (var k = 1; k < arg.Length; k++)
        {
            var c = arg[k];
            if (!ByShort.TryGetValue(c, out var flag))
            {
                throw new UsageException(UnknownFlagMessage("-" + c));
            }

            if (flag.Long == "help")
            {
                raw.ShortHelp = true;
                continue;
            }

            if (!flag.TakesValue)
            {
                flag.Apply(raw, null);
                continue;
            }

            // The rest of the bundle is the value (-A3, -ePATTERN), else the next argument (-A 3).
            var rest = arg[(k + 1)..];
            if (rest.StartsWith('='))
            {
                rest = rest[1..];
            }

            var value = rest.Length > 0 ? rest : i < args.Count ? args[i++] : throw new UsageException($"flag -{c} expects a value ({flag.ValueName})");
            Apply(raw, flag, value);
            return;
        }
    }

    private static void Apply(RawArgs raw, Flag flag, string value)
    {
        if (flag.Choices is { } choices && !choices.Contains(value))
        {
            throw new UsageException($"invalid value '{value}' for --{flag.Long}: expected one of {string.Join(", ", choices)}");
        }

        flag.Apply(raw, value);
    }

    private static string UnknownFlagMessage(string written)
    {
        var name = written.TrimStart('-');
        var similar = LongNames
            .Select(n => (Name: n, Distance: EditDistance(name, n)))
            .Where(x => x.Distance <= Math.Max(2, name.Length / 3) || (name.Length >= 3 && x.Name.StartsWith(name, StringComparison.Ordinal)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(x => "--" + x.Name)
            .ToList();
        var message = $"unrecognized flag {written}";
        if (similar.Count > 0)
        {
            message += $"\n\nsimilar flags that are available: {string.Join(", ", similar)}";
        }

        return message;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
