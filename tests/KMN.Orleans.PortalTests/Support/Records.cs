using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Web.Services.Chart;

namespace KMN.Orleans.PortalTests.Support;

/// <summary>Reader answers for the fakes: Yamada's fixture history with a consent, or a denial.</summary>
public static class Records
{
    public static ConsentVersion Consent(bool revoked = false, bool all = true) => new(
        Profiles.Yamada.NetworkPatientId, revoked ? 2 : 1, revoked ? ConsentChange.Revoked : ConsentChange.Registered,
        new DateTimeOffset(2023, 4, 1, 10, 0, 0, TimeSpan.FromHours(9)), ChartFixtures.Hospital, "clerk-1",
        new DateOnly(2023, 4, 1), new ConsentSignature(ConsentSigner.Self),
        all ? ConsentScope.All : ConsentScope.Only(ChartFixtures.Clinic), revoked, ChartFixtures.Hospital, "clerk-1", null, null, null);

    public static ChartRecords Yamada(IReadOnlyList<HiddenCategory>? hidden = null) => new(
        ChartReadStatus.Ok, Profiles.Yamada, ChartFixtures.Rows(), hidden ?? [], null, Consent(),
        [ChartFixtures.Hospital, ChartFixtures.Clinic, ChartFixtures.Pharmacy]);

    public static ChartRecords YamadaWithout(string resourceId) => Yamada() with
    {
        Rows = [.. ChartFixtures.Rows().Where(r => r.ResourceId != resourceId)],
    };

    public static ChartRecords Denied(AccessReason reason) => ChartRecords.Denied(reason, Profiles.Yamada);

    public static ImmutableArray<HiddenCategory> CareWorkerHidden { get; } =
    [
        new(RecordCategory.LabResults, AccessReason.RoleNotPermitted, null),
        new(RecordCategory.Imaging, AccessReason.RoleNotPermitted, null),
        new(RecordCategory.Documents, AccessReason.NotDisclosed, ChartFixtures.Clinic),
    ];
}
