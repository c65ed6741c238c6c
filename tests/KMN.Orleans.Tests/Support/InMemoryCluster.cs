using KMN.Orleans.Grains;
using Orleans.TestingHost;

namespace KMN.Orleans.Tests.Support;

/// <summary>
/// One in-process silo with memory grain storage and the in-memory directory: the fast grain tests share it
/// per collection, so they use fresh keys (<see cref="TestKeys"/>) and compare counts before and after.
/// The storage is wrapped by Orleans' fault injection, so a test can make one grain's next save fail.
/// </summary>
public sealed class InMemoryCluster : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;
    public const string InjectedFailure = "injected storage failure";

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>Makes the next save of <paramref name="grain"/>'s state named <paramref name="stateName"/> throw.</summary>
    public Task FailNextSaveAsync(IAddressable grain, string stateName) =>
        Grains.GetGrain<IStorageFaultGrain>(stateName)
            .AddFaultOnWrite(grain.GetGrainId(), new InvalidOperationException(InjectedFailure));

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1) { PortAllocator = new LoopbackPortAllocator() };
        builder.Options.ConfigureFileLogging = false;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddFaultInjectionMemoryStorage(StorageNames.State,
                configureFaultInjectionOptions: o => o.Configure(f => f.Latency = TimeSpan.Zero));
            silo.Services.AddKmnInMemory();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class InMemoryClusterCollection : ICollectionFixture<InMemoryCluster>
{
    public const string Name = "In-memory cluster";
}
