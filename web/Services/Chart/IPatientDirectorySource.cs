using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Web.Chart.Search;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>Patients found for a search; <see cref="Supported"/> false when the directory cannot answer that kind yet.</summary>
public sealed record DirectoryMatches(IReadOnlyList<PatientProfile> Patients, bool Supported);

/// <summary>The network's patient directory as the search page sees it.</summary>
public interface IPatientDirectorySource
{
    Task<DirectoryMatches> SearchAsync(PatientSearchQuery query, AccessCaller caller, int limit, CancellationToken cancellationToken = default);
}
