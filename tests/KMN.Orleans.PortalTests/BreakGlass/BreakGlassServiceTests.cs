using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Services.Access;

namespace KMN.Orleans.PortalTests.BreakGlass;

/// <summary>The service forwards every request (refusals are the grain's to make and audit) and reads the grant back.</summary>
public sealed class BreakGlassServiceTests
{
    private readonly FakeAccessSource _access = new();

    private BreakGlassService Service(AccessCaller? caller) => new(new FakeCurrentStaff(caller), _access);

    [Fact]
    public async Task An_unchosen_reason_and_empty_words_still_reach_the_grain_and_come_back_refused()
    {
        var outcome = await Service(FakeCurrentStaff.Doctor).RequestAsync("430000000006", null, null);
        Assert.False(outcome.Granted);
        Assert.Equal("緊急時閲覧の理由を選択してください。", outcome.Problem);
        Assert.Equal((BreakGlassReason)0, Assert.Single(_access.Requests).Request.Reason);
    }

    [Fact]
    public async Task A_non_physician_is_not_offered_it_and_a_direct_attempt_is_refused()
    {
        var service = Service(AccessContext.Pharmacist);
        Assert.False(await service.MayAskAsync());
        var outcome = await service.RequestAsync("430000000006", BreakGlassReason.LifeThreatening, "心肺停止");
        Assert.Equal("緊急時閲覧は病院の医師のみが行えます。", outcome.Problem);
    }

    [Fact]
    public async Task The_grant_is_read_back_only_while_it_runs()
    {
        var service = Service(FakeCurrentStaff.Doctor);
        Assert.Null(await service.EmergencyUntilAsync("430000000006"));
        var outcome = await service.RequestAsync("430000000006", BreakGlassReason.Unconscious, "救急搬送");
        Assert.True(outcome.Granted);
        Assert.Equal(outcome.Until, await service.EmergencyUntilAsync("430000000006"));
    }

    [Fact]
    public async Task Nobody_signed_in_sends_nothing()
    {
        var outcome = await Service(null).RequestAsync("430000000006", BreakGlassReason.Unconscious, "救急搬送");
        Assert.False(outcome.Granted);
        Assert.Empty(_access.Requests);
    }
}
