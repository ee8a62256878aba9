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
            var message = $"unrecognized flag --{body}";
            throw new UsageException(FlagSuggestions.For(body, FlagTable.All) is { } hint ? $"{message}\n\n{hint}" : message);
        }

        var written = "--" + body;
        var (flag, negated) = entry;
        if (negated || !flag.TakesValue)
        {
            if (inlineValue is not null)
            {
                throw UnexpectedValue(written, inlineValue);
            }

            if (negated)
            {
                flag.ApplyNegation!(raw);
            }
            else if (flag.Long == "help")
            {
                raw.LongHelp = true;
            }
            else
            {
                Apply(raw, flag, written, null);
            }

            return;
        }

        var value = inlineValue ?? (i < args.Count ? args[i++] : throw MissingValue(written));
        Apply(raw, flag, written, value);
    }

    private static void ParseShortBundle(RawArgs raw, string arg, IReadOnlyList<string> args, ref int i)
    {
        for (var k = 1; k < arg.Length; k++)
        {
            var c = arg[k];
            if (!ByShort.TryGetValue(c, out var flag))
            {
                throw new UsageException($"unrecognized flag -{c}");
            }

            var written = "-" + c;
            if (!flag.TakesValue)
            {
                // "-i=x": a switch given a value, as rg reports it.
                if (k + 1 < arg.Length && arg[k + 1] == '=')
                {
                    throw UnexpectedValue(written, arg[(k + 2)..]);
                }

                if (flag.Long == "help")
                {
                    raw.ShortHelp = true;
                }
                else if (flag.Long == "version")
                {
                    raw.ShortVersion = true;
                }
                else
                {
                    Apply(raw, flag, written, null);
                }

                continue;
            }

            // The rest of the bundle is the value (-A3, -A=3, -ePATTERN), else the next argument (-A 3).
            var rest = arg[(k + 1)..];
            if (rest.StartsWith('='))
            {
                rest = rest[1..];
            }

            var value = k + 1 < arg.Length ? rest : i < args.Count ? args[i++] : throw MissingValue(written);
            Apply(raw, flag, written, value);
            return;
        }
    }

    private static void Apply(RawArgs raw, Flag flag, string written, string? value)
    {
        try
        {
            if (value is not null && flag.Choices is { } choices && !choices.Contains(value))
            {
                throw new FlagValueException(flag.Long == "engine" ? $"unrecognized regex engine '{value}'" : $"choice '{value}' is unrecognized");
            }

            flag.Apply(raw, value);
        }
        catch (FlagValueException e)
        {
            throw new UsageException($"error parsing flag {written}: {e.Message}");
        }
    }

    private static UsageException MissingValue(string written) =>
        new($"missing value for flag {written}: missing argument for option '{written}'");

    private static UsageException UnexpectedValue(string written, string value) =>
        new($"invalid CLI arguments: unexpected argument for option '{written}': \"{value}\"");
}
