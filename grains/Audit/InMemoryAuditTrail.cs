using KMN.Orleans.Grains.Abstractions.Access;

namespace KMN.Orleans.Grains.Audit;

/// <summary>The audit trail of the in-memory test cluster: same shape, no hash chain.</summary>
public sealed class InMemoryAuditTrail : IAuditTrail
{
    private readonly Lock _gate = new();
    private readonly List<AuditEntry> _entries = [];

    public Task AppendAsync(AuditRecord r, CancellationToken ct = default)
    {
        lock (_gate)
            _entries.Add(new AuditEntry(_entries.Count + 1, r.OccurredAt, r.EventType, r.Action, r.Outcome, r.Reason,
                r.AccountId, r.ActorName, r.FacilityCode, r.Role, r.PatientId, r.Purpose, [.. r.Categories ?? []],
                r.ResourceCount, r.Query));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery q, CancellationToken ct = default)
    {
        lock (_gate)
        {
            IReadOnlyList<AuditEntry> result = _entries.AsEnumerable().Reverse()
                .Where(e => (q.PatientId is null || e.PatientId == q.PatientId) && (q.AccountId is null || e.AccountId == q.AccountId)
                    && (q.FacilityCode is null || e.FacilityCode == q.FacilityCode) && (q.EventType is null || e.EventType == q.EventType)
                    && (q.From is null || e.OccurredAt >= q.From) && (q.To is null || e.OccurredAt < q.To))
                .Take(q.Limit).ToList();
            return Task.FromResult(result);
        }
    }
}
