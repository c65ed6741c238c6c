using System.Collections.Frozen;
using Hl7.Fhir.Introspection;
using Hl7.Fhir.Model;

namespace KMN.Orleans.Web.Fhir.Shapes;

/// <summary>
/// The R4 model as JSON shapes, built once from Firely's own model metadata (its ClassMappings): element names
/// (choice elements expanded per allowed type), repetition, cardinality and primitive rules. Anything the
/// metadata expresses in a way this table does not follow is left out, which makes the fast check fall back to
/// Firely for it rather than guess.
/// </summary>
public sealed class R4Shapes
{
    private readonly ModelInspector _inspector = ModelInfo.ModelInspector;
    private readonly Dictionary<ClassMapping, TypeShape> _shapes = [];

    public static R4Shapes Instance { get; } = new();

    public FrozenDictionary<string, TypeShape> Resources { get; }
    public FrozenDictionary<string, TypeShape>.AlternateLookup<ReadOnlySpan<char>> ResourcesByName { get; }

    private R4Shapes()
    {
        var pending = new Queue<ClassMapping>();
        foreach (var name in ModelInfo.SupportedResources)
            if (_inspector.FindClassMapping(name) is { IsResource: true } mapping)
                Enqueue(mapping, pending);
        while (pending.TryDequeue(out var mapping))
            Complete(mapping, pending);
        Resources = _shapes.Where(p => p.Key.IsResource).ToFrozenDictionary(p => p.Value.Name, p => p.Value, StringComparer.Ordinal);
        ResourcesByName = Resources.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private TypeShape Enqueue(ClassMapping mapping, Queue<ClassMapping> pending)
    {
        if (!_shapes.TryGetValue(mapping, out var shape))
        {
            _shapes[mapping] = shape = new TypeShape(mapping.Name, mapping.IsResource);
            pending.Enqueue(mapping);
        }
        return shape;
    }

    private void Complete(ClassMapping mapping, Queue<ClassMapping> pending)
    {
        var elements = new List<ElementShape>();
        var mandatory = new List<int>();
        var slot = 0;
        foreach (var property in mapping.PropertyMappings.Where(p => !p.RepresentsValueElement))
        {
            var cardinality = property.ValidationAttributes.OfType<CardinalityAttribute>().SingleOrDefault();
            var allowed = property.ValidationAttributes.OfType<AllowedTypesAttribute>().ToList();
            // A mandatory element keeps its slot even when left out below: then no JSON name fills it, and every
            // instance goes to Firely, which is what should decide it.
            if (cardinality is { Min: > 0 })
                mandatory.Add(slot);
            // Only the validations this table reproduces; an element with any other is left to Firely.
            if (property.ValidationAttributes.Any(a => a is not CardinalityAttribute and not AllowedTypesAttribute))
            {
                slot++;
                continue;
            }
            var max = cardinality?.Max ?? -1;
            foreach (var (jsonName, valueMapping) in Variants(property))
            {
                if (allowed.Any(a => !IsAllowed(a, valueMapping)))
                    continue;
                if (Element(jsonName, slot, property, max, valueMapping, pending) is { } element)
                    elements.Add(element);
            }
            slot++;
        }
        _shapes[mapping].Complete(elements, slot, [.. mandatory]);
    }

    /// <summary>The JSON names an element can take with the type each one carries (choice: one per type).</summary>
    private IEnumerable<(string JsonName, ClassMapping Value)> Variants(PropertyMapping property)
    {
        switch (property.Choice)
        {
            case ChoiceType.DatatypeChoice:
                var candidates = property.FhirTypeMappings.Any(m => m.NativeType == typeof(DataType))
                    ? _inspector.OpenTypes.Select(t => _inspector.FindOrImportClassMapping(t)).OfType<ClassMapping>()
                    : property.FhirTypeMappings;
                foreach (var candidate in candidates.Distinct())
                {
                    var suffix = char.ToUpperInvariant(candidate.Name[0]) + candidate.Name[1..];
                    // The deserializer finds the type from the suffix by name: keep only names that lead back here.
                    if (_inspector.FindClassMapping(suffix) == candidate)
                        yield return (property.Name + suffix, candidate);
                }
                break;
            case ChoiceType.ResourceChoice:
                yield return (property.Name, property.PropertyTypeMapping);
                break;
            default:
                var type = property.ImplementingType.IsAbstract && property.FhirTypeMappings.Count == 1
                    ? property.FhirTypeMappings[0].NativeType
                    : property.ImplementingType;
                if (!type.IsAbstract && _inspector.FindOrImportClassMapping(type) is { } value)
                    yield return (property.Name, value);
                break;
        }
    }

    private ElementShape? Element(string jsonName, int slot, PropertyMapping property, int max, ClassMapping value,
        Queue<ClassMapping> pending)
    {
        if (property.Choice == ChoiceType.ResourceChoice)
            return new ElementShape { Name = jsonName, Slot = slot, IsCollection = property.IsCollection, Max = max, Value = ValueShape.Resource };
        if (value.IsFhirPrimitive)
            return PrimitiveRule.For(value) is { } rule
                ? new ElementShape { Name = jsonName, Slot = slot, IsCollection = property.IsCollection, Max = max, Value = ValueShape.Primitive, Primitive = rule }
                : null;
        if (value.IsResource || value.NativeType.IsAbstract)
            return null;
        return new ElementShape
        {
            Name = jsonName, Slot = slot, IsCollection = property.IsCollection, Max = max, Value = ValueShape.Complex,
            Complex = Enqueue(value, pending),
        };
    }

    /// <summary>[AllowedTypes] as Firely applies it to a value of this mapping's type (no custom or dynamic types here).</summary>
    private bool IsAllowed(AllowedTypesAttribute allowed, ClassMapping value)
    {
        if (allowed.TypeNames is { Length: > 0 } names && (names.Contains(value.Name) || (value.Canonical is { } c && names.Contains(c))))
            return true;
        if (allowed.Types is { Length: > 0 } types && types.Any(t => t.IsAssignableFrom(value.NativeType)))
            return true;
        if (allowed.OpenChoice)
            return _inspector.OpenTypes.Any(t => t.IsAssignableFrom(value.NativeType));
        // Neither list nor open choice: the attribute allows anything.
        return allowed.Types is not { Length: > 0 } && allowed.TypeNames is not { Length: > 0 };
    }
}
