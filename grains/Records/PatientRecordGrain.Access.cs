using System.Globalization;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Access;
using KMN.Orleans.Grains.Audit;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace KMN.Orleans.Grains.Records;

/// <summary>The access decision and break-the-glass.</summary>
public sealed partial class PatientRecordGrain
{
    public async Task<AccessDecision> DecideAccessAsync(AccessCaller caller)
    {
        // Facility status and policies are asked every time (no copies here either): an administrator's change
        // holds from the clinician's next action.
        var callerFacility = Facility(caller.FacilityCode).GetAccessProfileAsync();
        var others = _sources.Where(s => s != caller.FacilityCode).Select(s => Facility(s).GetAccessProfileAsync()).ToList();
        var now = clock.GetUtcNow();
        DateTimeOffset? grant = caller.AccountId is { } account && _grants.TryGetValue(account, out var until) && until > now ? until : null;
        var contributed = _sources.Contains(caller.FacilityCode);
        var profile = await callerFacility;
        var sources = (await Task.WhenAll(others)).OfType<FacilityAccessProfile>().ToList();
        return AccessPolicy.Decide(new AccessInputs(PatientId, caller, profile, _current, grant, sources, contributed));
    }

    public async Task<BreakGlassResult> BreakGlassAsync(AccessCaller caller, BreakGlassRequest request)
    {
        var now = clock.GetUtcNow();
        var problem = await BreakGlassProblemAsync(caller, request);
        var record = AuditRecord.By(caller, now, AuditTypes.BreakGlass, "break-glass", AuditOutcomes.Denied, PatientId, problem) with
        {
            Purpose = "ETREAT",
            // The reason code in the query, so the access log (which shows rows, not their detail) can say why.
            Query = $"Patient/{PatientId}?reason={request.Reason}",
            Detail = new Dictionary<string, string> { ["reasonCode"] = request.Reason.ToString(), ["reasonText"] = request.Text ?? "" },
        };
        if (problem is not null)
        {
            await audit.AppendAsync(record);
            await AccessLogNotices.PublishAsync(this, log, PatientId, "break-glass");
            return BreakGlassResult.Refused(problem);
        }

        var expires = now + options.Value.BreakGlassDuration;
        var alert = new BreakGlassAlert(0, PatientId, caller.AccountId!, caller.DisplayName, caller.FacilityCode, request.Reason,
            request.Text!.Trim(), now, expires, _current?.RegisteredByFacility);
        var id = await breakGlass.OpenAsync(alert, StaffRole.Physician.Japanese(),
            record with { Outcome = AuditOutcomes.Success, Reason = AccessReason.BreakGlass.ToString() });
        _grants[caller.AccountId!] = expires;
        await NotifyAsync(alert with { ReviewId = id });
        await AccessLogNotices.PublishAsync(this, log, PatientId, "break-glass");
        return new BreakGlassResult(true, expires, id, null);
    }

    private IFacilityGrain Facility(string code) => GrainFactory.GetGrain<IFacilityGrain>(code);

    /// <summary>Only a physician (a person, not a system) of an active hospital, with a reason code and words.</summary>
    private async Task<string?> BreakGlassProblemAsync(AccessCaller caller, BreakGlassRequest request)
    {
        if (caller.IsFacilitySystem || caller.Role != StaffRole.Physician)
            return "緊急時閲覧は病院の医師のみが行えます。";
        if (!Enum.IsDefined(request.Reason))
            return "緊急時閲覧の理由を選択してください。";
        if (string.IsNullOrWhiteSpace(request.Text))
            return "緊急時閲覧の理由を具体的に入力してください。";
        var facility = await Facility(caller.FacilityCode).GetAccessProfileAsync();
        if (facility is not { Kind: FacilityKind.Hospital })
            return "緊急時閲覧は病院の医師のみが行えます。";
        if (facility.Status != FacilityStatus.Active)
            return $"施設 {caller.FacilityCode} は有効ではありません。";
        return await PatientProblemAsync();
    }

    /// <summary>
    /// Live push to the registering facility's administrators and to the network operators. Best effort: the
    /// audit row and the review queue, already committed, are what nobody can miss.
    /// </summary>
    private async Task NotifyAsync(BreakGlassAlert alert)
    {
        try
        {
            var provider = this.GetStreamProvider(AccessStreams.Provider);
            var keys = new[] { AccessStreams.NetworkOperators, alert.RegisteringFacility }.OfType<string>().Distinct();
            foreach (var key in keys)
                await provider.GetStream<BreakGlassAlert>(StreamId.Create(AccessStreams.BreakGlassNamespace, key)).OnNextAsync(alert);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Break-the-glass {ReviewId} on {Patient} recorded, but the live notification failed",
                alert.ReviewId.ToString(CultureInfo.InvariantCulture), PatientId);
        }
    }
}
