namespace KMN.Orleans.Grains.Audit;

public sealed class InMemorySecurityEventStore : ISecurityEventStore
{
    private readonly Lock _gate = new();
    private readonly List<SecurityEvent> _events = [];

    public Task AppendAsync(SecurityEvent securityEvent, CancellationToken ct = default)
    {
        lock (_gate)
            _events.Add(securityEvent);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SecurityEvent>> ListAsync(int limit, string? accountId = null, CancellationToken ct = default)
    {
        lock (_gate)
        {
            IReadOnlyList<SecurityEvent> result = _events.AsEnumerable().Reverse()
                .Where(e => accountId is null || e.AccountId == accountId).Take(limit).ToList();
            return Task.FromResult(result);
        }
    }
}
