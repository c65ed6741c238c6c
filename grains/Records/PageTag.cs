using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using KMN.Orleans.Grains.Abstractions.Access;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// The tag of a page for conditional reads: a hash of the stored versions it holds, in order. Stored rows are
/// never updated (a new version is a new row with a new seq), so equal tags mean equal content; whatever the
/// access decision filtered out is already missing from the list, so the tag also changes with what the caller
/// may see. The total is hashed too: a page can stay the same while rows are added beyond it.
/// </summary>
public static class PageTag
{
    public static string Of(ImmutableArray<(long Seq, RecordCategory Category)> versions, int total)
    {
        var bytes = new byte[(versions.Length + 1) * sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, total);
        for (var i = 0; i < versions.Length; i++)
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan((i + 1) * sizeof(long)), versions[i].Seq);
        return "W/\"" + Convert.ToHexStringLower(SHA256.HashData(bytes), 0, 16) + "\"";
    }
}
