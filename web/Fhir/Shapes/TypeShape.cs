using System.Collections.Frozen;

namespace KMN.Orleans.Web.Fhir.Shapes;

/// <summary>What a FHIR element's JSON value must be: a primitive, an object of a known type, or a resource.</summary>
public enum ValueShape
{
    Primitive,
    Complex,
    Resource,
}

/// <summary>
/// One JSON property name of a type (a choice element has one per allowed type, e.g. valueQuantity, valueString).
/// <see cref="Slot"/> is shared by a choice element's variants, so sending two of them counts as a duplicate.
/// </summary>
public sealed class ElementShape
{
    public required string Name { get; init; }
    public required int Slot { get; init; }
    public required bool IsCollection { get; init; }

    /// <summary>Largest number of items (-1: unbounded).</summary>
    public required int Max { get; init; }
    public required ValueShape Value { get; init; }
    public PrimitiveRule? Primitive { get; init; }
    public TypeShape? Complex { get; init; }
}

/// <summary>A FHIR type (resource or datatype) as its JSON properties, with the slots that must be present.</summary>
public sealed class TypeShape(string name, bool isResource)
{
    public string Name { get; } = name;
    public bool IsResource { get; } = isResource;
    public FrozenDictionary<string, ElementShape> Elements { get; private set; } = FrozenDictionary<string, ElementShape>.Empty;
    public FrozenDictionary<string, ElementShape>.AlternateLookup<ReadOnlySpan<char>> ByName { get; private set; }
    public int[] MandatorySlots { get; private set; } = [];
    public int SlotCount { get; private set; }

    /// <summary>Filled after every shape exists, because types refer to each other (Extension, Reference, ...).</summary>
    internal void Complete(IEnumerable<ElementShape> elements, int slotCount, int[] mandatorySlots)
    {
        Elements = elements.ToFrozenDictionary(e => e.Name, StringComparer.Ordinal);
        ByName = Elements.GetAlternateLookup<ReadOnlySpan<char>>();
        SlotCount = slotCount;
        MandatorySlots = mandatorySlots;
    }
}
