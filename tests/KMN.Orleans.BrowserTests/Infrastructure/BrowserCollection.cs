using Xunit;

namespace KMN.Orleans.BrowserTests.Infrastructure;

/// <summary>Every browser test shares one network and one Chromium, started once per run.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<KmnNetworkFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "KMN network in Chromium";
}
