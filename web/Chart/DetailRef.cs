namespace KMN.Orleans.Web.Chart;

/// <summary>The stored resource behind a chart entry, so the 詳細 tab can open exactly that source.</summary>
public sealed record DetailRef(string ResourceType, string ResourceId)
{
    public override string ToString() => $"{ResourceType}/{ResourceId}";
}
