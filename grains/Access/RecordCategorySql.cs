using System.Globalization;
using System.Text;
using KMN.Orleans.Grains.Abstractions.Access;

namespace KMN.Orleans.Grains.Access;

/// <summary>
/// SQL for the category and visibility of rows of kmn_clinical_resource, generated from
/// <see cref="RecordCategories"/> so the database filters exactly as <see cref="RecordCategories.Of"/> maps.
/// </summary>
public static class RecordCategorySql
{
    /// <summary>The JSON an 未告知 resource contains (jsonb containment probe).</summary>
    public static string UndisclosedProbe { get; } =
        $$"""{"extension":[{"url":"{{UndisclosedToPatient.ExtensionUrl}}","valueBoolean":true}]}""";

    /// <summary>A CASE expression giving the category number of a row from its type and indexed category code.</summary>
    public static string Expression(string typeColumn, string categoryColumn)
    {
        var sql = new StringBuilder("CASE");
        foreach (var group in RecordCategories.ByType.GroupBy(p => p.Value).OrderBy(g => g.Key))
            sql.Append(CultureInfo.InvariantCulture,
                $" WHEN {typeColumn} IN ({string.Join(", ", group.Select(p => Literal(p.Key)).Order(StringComparer.Ordinal))}) THEN {(int)group.Key}");
        foreach (var (type, rule) in RecordCategories.ByTypeAndCode.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sql.Append(CultureInfo.InvariantCulture, $" WHEN {typeColumn} = {Literal(type)} THEN CASE");
            foreach (var group in rule.ByCode.GroupBy(p => p.Value).OrderBy(g => g.Key))
                sql.Append(CultureInfo.InvariantCulture,
                    $" WHEN {categoryColumn} IN ({string.Join(", ", group.Select(p => Literal(p.Key)).Order(StringComparer.Ordinal))}) THEN {(int)group.Key}");
            sql.Append(CultureInfo.InvariantCulture, $" ELSE {(int)rule.Otherwise} END");
        }
        return sql.Append(CultureInfo.InvariantCulture, $" ELSE {(int)RecordCategories.Unlisted} END").ToString();
    }

    /// <summary>
    /// The visibility predicate over a row (source column, category expression, resource jsonb column) given
    /// the decision's parameters: $sources/$categories name the allowed (source, category) pairs, $undisclosed
    /// the sources whose 未告知 diagnoses the caller may see, $probe the 未告知 marker.
    /// </summary>
    public static string Visible(string source, string category, string resource, string sources, string categories,
        string undisclosed, string probe) => $"""
        ({category} = 0 OR EXISTS (SELECT 1 FROM unnest({sources}::text[], {categories}::int[]) AS allowed(s, c)
                                   WHERE allowed.s = {source} AND allowed.c = {category}))
        AND NOT (CASE WHEN {category} = {(int)RecordCategory.Diagnoses}
                      THEN {resource} @> {probe}::jsonb AND NOT ({source} = ANY ({undisclosed}::text[]))
                      ELSE false END)
        """;

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
