using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Services.Access;
using Microsoft.Extensions.DependencyInjection;

namespace KMN.Orleans.PortalTests.BreakGlass;

/// <summary>The portal context plus the access services (break-the-glass, access log, reviews) over fakes.</summary>
public abstract class AccessContext : PortalContext
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static AccessCaller Pharmacist { get; } = new(ChartFixtures.Hospital, "ph-1", StaffRole.Pharmacist, "薬師 花子");
    public static AccessCaller Operator { get; } = new(ChartFixtures.Hospital, "op-1", StaffRole.NetworkOperator, "運用 太郎");
    public static AccessCaller Administrator { get; } = new(ChartFixtures.Clinic, "adm-1", StaffRole.FacilityAdministrator, "管理 次郎");

    protected FakeAccessSource Access { get; } = new();
    protected FakeAccessNotices Notices { get; } = new();

    /// <summary>Chart services over <paramref name="records"/> and the access services, signed in as <paramref name="caller"/>.</summary>
    protected void UseServices(AccessCaller? caller, FakeChartRecordSource? records = null, FakeLiveFeed? live = null)
    {
        UseChartServices(new FakeCurrentStaff(caller), records ?? new FakeChartRecordSource(Records.Yamada()), live: live);
        Services.AddSingleton<IAccessSource>(Access);
        Services.AddSingleton<IAccessNotices>(Notices);
        Services.AddScoped<BreakGlassService>();
        Services.AddScoped<AccessLogService>();
        Services.AddScoped<ReviewService>();
    }
}
