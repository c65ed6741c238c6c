using KMN.Orleans.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace KMN.Orleans.Tests.Postgres;

/// <summary>A small state to write through the silo's own "kmn" grain storage provider.</summary>
[GenerateSerializer, Alias("kmn.test.NoteState")]
public sealed class NoteState
{
    [Id(0)] public string Text { get; set; } = "";
}

/// <summary>Direct access to the ADO.NET grain storage of a running silo, as grains use it.</summary>
public sealed class StorageProbe(TestCluster cluster)
{
    public const string StateName = "note";

    private IGrainStorage Storage =>
        cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.State);

    public async Task<GrainState<NoteState>> ReadAsync(GrainId id)
    {
        var state = new GrainState<NoteState>(new NoteState());
        await Storage.ReadStateAsync(StateName, id, state);
        return state;
    }

    public async Task<string?> WriteAsync(GrainId id, GrainState<NoteState> state, string text)
    {
        state.State = new NoteState { Text = text };
        await Storage.WriteStateAsync(StateName, id, state);
        return state.ETag;
    }

    public async Task<string?> ClearAsync(GrainId id, GrainState<NoteState> state)
    {
        await Storage.ClearStateAsync(StateName, id, state);
        return state.ETag;
    }

    public static GrainId IntegerKey(long key) => GrainId.Create(Type, GrainIdKeyExtensions.CreateIntegerKey(key));
    public static GrainId StringKey(string key) => GrainId.Create(Type, key);
    public static GrainId GuidKey(Guid key, string extension) => GrainId.Create(Type, GrainIdKeyExtensions.CreateGuidKey(key, extension));

    private static readonly GrainType Type = GrainType.Create("kmn-test-note");
}
