using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Grains.Access;

/// <summary>What the decision looks at, gathered by the patient's record grain for one request.</summary>
public sealed record AccessInputs(
    string PatientId,
    AccessCaller Caller,
    FacilityAccessProfile? CallerFacility,
    ConsentVersion? Consent,
    DateTimeOffset? BreakGlassUntil,
    IReadOnlyList<FacilityAccessProfile> OtherSources,
    bool CallerContributed);

/// <summary>
/// The access rule, as one pure function: caller's facility active ∧ role allowed ∧ (consent permits ∨ an
/// active break-the-glass grant) ∧ source facility discloses ∧ not 未告知. A facility always sees its own uploads
/// (within its roles' categories): they are its own records. A facility's system (mutual-TLS API, no person) is
/// treated as the facility: every category, but never other facilities' 未告知 diagnoses.
/// </summary>
public static class AccessPolicy
{
    public static AccessDecision Decide(AccessInputs input)
    {
        var (patient, caller, facility) = (input.PatientId, input.Caller, input.CallerFacility);
        if (facility is null || facility.Status != FacilityStatus.Active)
            return AccessDecision.Deny(patient, AccessReason.FacilityInactive);
        var roleCategories = caller.IsFacilitySystem || caller.Role is not { } role
            ? SharingPolicy.Normalize(RecordCategoryNames.Configurable)
            : facility.Policy.CategoriesOf(role);
        if (roleCategories.IsDefaultOrEmpty)
            return AccessDecision.Deny(patient, AccessReason.RoleNotPermitted);

        var hidden = ImmutableArray.CreateBuilder<HiddenCategory>();
        foreach (var category in RecordCategoryNames.Configurable.Except(roleCategories))
            hidden.Add(new HiddenCategory(category, AccessReason.RoleNotPermitted, null));
        var sources = ImmutableArray.CreateBuilder<SourceAccess>();
        sources.Add(new SourceAccess(caller.FacilityCode, roleCategories, UndisclosedVisible: true));

        var consentProblem = ConsentProblem(input.Consent, caller.FacilityCode);
        var basis = consentProblem is null ? AccessBasis.Consent
            : input.BreakGlassUntil is not null ? AccessBasis.BreakGlass
            : AccessBasis.OwnRecordsOnly;
        if (basis == AccessBasis.OwnRecordsOnly && !input.CallerContributed)
            return AccessDecision.Deny(patient, consentProblem!.Value);
        if (basis == AccessBasis.OwnRecordsOnly)
        {
            foreach (var category in roleCategories)
                hidden.Add(new HiddenCategory(category, consentProblem!.Value, null));
        }
        else
        {
            var physician = caller.Role is StaffRole.Physician or StaffRole.Dentist;
            foreach (var source in input.OtherSources.Where(s => s.Code != caller.FacilityCode))
            {
                var disclosed = roleCategories.Intersect(source.Policy.Disclosed).ToImmutableArray();
                foreach (var category in roleCategories.Except(disclosed))
                    hidden.Add(new HiddenCategory(category, AccessReason.NotDisclosed, source.Code));
                sources.Add(new SourceAccess(source.Code, disclosed,
                    physician && source.Policy.Undisclosed == UndisclosedVisibility.PhysiciansOfOtherFacilities));
            }
        }
        return new AccessDecision(patient, basis, sources.ToImmutable(), hidden.ToImmutable(), input.Consent?.Version ?? 0,
            basis == AccessBasis.BreakGlass ? input.BreakGlassUntil : null,
            basis == AccessBasis.OwnRecordsOnly ? consentProblem : null);
    }

    /// <summary>Why the consent does not let this facility read, or null when it does.</summary>
    public static AccessReason? ConsentProblem(ConsentVersion? consent, string facilityCode) => consent switch
    {
        null => AccessReason.NoConsent,
        { Revoked: true } => AccessReason.ConsentRevoked,
        _ when !consent.Permits(facilityCode) => AccessReason.OutsideConsent,
        _ => null,
    };
}
