using KMN.Orleans.Grains.Abstractions.Access;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>
/// The access decision for one patient and caller, as the patient's record grain makes it. The search asks it to
/// list only charts the caller may open (or, for 緊急時閲覧, only those it may not); the chart's reads decide again.
/// </summary>
public interface IPatientAccessSource
{
    Task<AccessDecision> DecideAsync(AccessCaller caller, string patientId, CancellationToken cancellationToken = default);
}
