using System.Collections.Concurrent;
using System.Text.Json;

namespace KMN.Orleans.Web.Fhir.Shapes;

/// <summary>
/// Short string values one primitive rule has already accepted. Uploads repeat the same code systems, codes, URIs
/// and ids thousands of times, and Firely's checks behind a rule (regexes, <see cref="Uri"/> parsing) are pure
/// functions of the text, so a value once accepted is accepted again without asking: it is looked up by its
/// characters, without allocating a string. Bounded, so unique values (timestamps) cannot grow it without end;
/// only accepted values are kept, so a refusal is always decided (and worded) by the rule itself.
/// </summary>
internal sealed class ValidValueCache
{
    private const int MaxEntries = 8192;
    private const int MaxLength = 128;
    private readonly ConcurrentDictionary<string, bool> _accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> _byChars;
    private int _count; // ConcurrentDictionary.Count takes every lock; this is enough for a bound

    public ValidValueCache() => _byChars = _accepted.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The reader is on a string token; it is not moved.</summary>
    public bool IsValid(ref Utf8JsonReader reader, Func<string, bool> rule)
    {
        // An unescaped UTF-8 run never has more characters than bytes; escaped or split values take the slow path.
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxLength)
            return rule(reader.GetString()!);
        Span<char> chars = stackalloc char[MaxLength];
        var text = chars[..reader.CopyString(chars)];
        if (_byChars.ContainsKey(text))
            return true;
        var value = text.ToString();
        if (!rule(value))
            return false;
        if (Volatile.Read(ref _count) < MaxEntries && _accepted.TryAdd(value, true))
            Interlocked.Increment(ref _count);
        return true;
    }
}
