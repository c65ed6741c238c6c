using System.Collections.Concurrent;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Web.Services.Chart;

namespace KMN.Orleans.PortalTests.Services;

/// <summary>
/// Access decisions from a list of patients the caller may open. With <see cref="HoldUntil"/> set, every
/// decision waits until that many are being asked at once, which only a search that asks in parallel reaches.
/// </summary>
public sealed class FakePatientAccessSource(params string[] openable) : IPatientAccessSource
{
    private readonly TaskCompletionSource _allAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _asking;

    public int? HoldUntil { get; init; }

    /// <summary>Every patient opens (for tests about something other than the access decision).</summary>
    public bool OpensEveryone { get; init; }

    public static FakePatientAccessSource Everyone() => new() { OpensEveryone = true };
    public ConcurrentBag<(AccessCaller Caller, string PatientId)> Asked { get; } = [];

    public async Task<AccessDecision> DecideAsync(AccessCaller caller, string patientId, CancellationToken cancellationToken = default)
    {
        Asked.Add((caller, patientId));
        if (HoldUntil is { } all)
        {
            if (Interlocked.Increment(ref _asking) >= all)
                _allAsked.TrySetResult();
            await _allAsked.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }
        return OpensEveryone || openable.Contains(patientId)
            ? new AccessDecision(patientId, AccessBasis.Consent, [], [], 1, null, null)
            : AccessDecision.Deny(patientId, AccessReason.OutsideConsent);
    }
}
