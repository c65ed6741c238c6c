namespace KMN.Orleans.Grains.Audit;

/// <summary>The append-only security audit trail: PostgreSQL in production, memory in fast tests.</summary>
public interface ISecurityEventStore
{
    Task AppendAsync(SecurityEvent securityEvent, CancellationToken ct = default);

    /// <summary>The newest events first, optionally of one account.</summary>
    Task<IReadOnlyList<SecurityEvent>> ListAsync(int limit, string? accountId = null, CancellationToken ct = default);
}
