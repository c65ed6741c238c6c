using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;

namespace KMN.Orleans.Grains.Staff;

/// <summary>
/// Who may do what on a facility's administration pages, in one place for every grain behind them: a
/// facility's own 施設管理者 changes and sees its settings; a ネットワーク運用者 sees any facility's but
/// changes nothing there (the settings belong to the facility). Problems are Japanese, shown as they are.
/// </summary>
public static class FacilityAdminCheck
{
    public static bool IsOwnAdministrator(AccessCaller caller, string facilityCode) =>
        !caller.IsFacilitySystem && caller.Role == StaffRole.FacilityAdministrator && caller.FacilityCode == facilityCode;

    public static bool IsOperator(AccessCaller caller) =>
        !caller.IsFacilitySystem && caller.Role == StaffRole.NetworkOperator;

    /// <summary>Reading a facility's staff, consents or access history.</summary>
    public static string? ViewProblem(AccessCaller caller, string facilityCode) =>
        IsOwnAdministrator(caller, facilityCode) || IsOperator(caller)
            ? null
            : $"施設 {facilityCode} の管理情報は、この施設の施設管理者またはネットワーク運用者のみが閲覧できます。";

    /// <summary>Changing a facility's consents: its own administrator only (the consent names the registering facility).</summary>
    public static string? ChangeProblem(AccessCaller caller, string facilityCode) =>
        IsOwnAdministrator(caller, facilityCode)
            ? null
            : $"施設 {facilityCode} の同意は、この施設の施設管理者のみが登録・変更できます。";

    /// <summary>Unlocking an account: its facility's administrator, or an operator (the network's help desk).</summary>
    public static string? UnlockProblem(AccessCaller caller, string facilityCode) =>
        IsOwnAdministrator(caller, facilityCode) || IsOperator(caller)
            ? null
            : $"施設 {facilityCode} のアカウントのロック解除は、この施設の施設管理者またはネットワーク運用者のみが行えます。";
}
