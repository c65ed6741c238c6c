using KMN.Orleans.Grains.Abstractions.Access;

namespace KMN.Orleans.Web.Auth;

/// <summary>
/// The signed-in staff member of the current request or circuit, as the grains see a caller. Pages and
/// services ask this instead of reading claims themselves; null when nobody is signed in.
/// </summary>
public interface ICurrentStaff
{
    Task<AccessCaller?> GetAsync();
}
