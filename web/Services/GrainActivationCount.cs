namespace KMN.Orleans.Web.Services;

/// <summary>Activations of one grain type summed over the active silos.</summary>
public sealed record GrainActivationCount(string GrainType, int Activations, int Silos)
{
    /// <summary>"KMN.Orleans.Grains.Facilities.FacilityGrain,KMN.Orleans.Grains" reads better as "FacilityGrain".</summary>
    public string ShortName
    {
        get
        {
            var name = GrainType.Split(',')[0];
            var dot = name.LastIndexOf('.');
            return dot >= 0 && dot < name.Length - 1 ? name[(dot + 1)..] : name;
        }
    }
}
