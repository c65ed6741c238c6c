namespace KMN.Orleans.Grains.Accounts;

[GenerateSerializer, Alias("kmn.CardBindingState")]
public sealed class CardBindingState
{
    [Id(0)] public string? AccountId { get; set; }
}
