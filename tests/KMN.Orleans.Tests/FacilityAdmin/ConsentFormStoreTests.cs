using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Facilities;
using KMN.Orleans.Tests.Access;
using Npgsql;

namespace KMN.Orleans.Tests.FacilityAdmin;

/// <summary>The 0009 tables on PostgreSQL: forms stored whole and never rewritten; a facility's consents paged.</summary>
[Collection(AccessCollection.Name)]
public sealed class ConsentFormStoreTests(AccessFixture fixture)
{
    [Fact]
    public async Task A_form_is_stored_whole_read_back_refuses_updates_and_can_be_withdrawn()
    {
        var store = new ConsentFormStore(fixture.Database);
        var id = Guid.NewGuid();
        var content = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };

        var reference = await store.SaveAsync(id, "4310000001", "990000000999", new ConsentFormUpload("scan/../同意書.png", "image/png", content),
            "4310000001-08", DateTimeOffset.UtcNow);
        var read = await store.ReadAsync(ConsentFormStore.IdOf(reference)!.Value);

        Assert.Equal(content, read!.Content);
        Assert.Equal(("同意書.png", "image/png"), (read.FileName, read.ContentType)); // no path from the browser kept
        await using var update = fixture.Database.CreateCommand("UPDATE kmn_consent_form SET file_name = 'x.png' WHERE id = $1");
        update.Parameters.AddWithValue(id);
        await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        await store.DeleteAsync(id);
        Assert.Null(await store.ReadAsync(id));
        Assert.Null(ConsentFormStore.IdOf("scan://elsewhere"));
    }

    [Fact]
    public async Task The_facility_list_pages_newest_first_and_says_whether_more_follow()
    {
        var world = new AccessWorld(fixture);
        var hospital = await world.FacilityAsync(FacilityKind.Hospital);
        var patients = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            patients.Add(await world.PatientAsync());
            await world.RegisterAsync(patients[^1], hospital.Code, ConsentScope.All);
        }
        var queries = new FacilityConsentQueries(fixture.Database);

        var first = await queries.PageAsync(hospital.Code, 0, 2);
        var second = await queries.PageAsync(hospital.Code, 2, 2);

        Assert.True(first.HasMore);
        Assert.False(second.HasMore);
        Assert.Equal(patients.AsEnumerable().Reverse(), first.Rows.Concat(second.Rows).Select(r => r.Version.PatientId));
    }
}
