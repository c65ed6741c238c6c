using KMN.Orleans.Grains.Abstractions.Access;

namespace KMN.Orleans.Grains.Audit;

/// <summary>
/// The one append-only audit trail: PostgreSQL (hash-chained, kmn_audit_event) in production, memory in fast
/// tests. AppendAsync returns only once the row is durable; a caller about to return data awaits it first.
/// </summary>
public interface IAuditTrail
{
    Task AppendAsync(AuditRecord record, CancellationToken ct = default);

    /// <summary>Newest first, filtered.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken ct = default);
}
