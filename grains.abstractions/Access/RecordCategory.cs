namespace KMN.Orleans.Grains.Abstractions.Access;

/// <summary>
/// What a facility shares and a role may see, in the words the consent form and the portal use. Values are
/// persisted in facility state and audited: never renumber. <see cref="Basic"/> (patient, facilities,
/// practitioners) is not configurable: whoever may open the chart sees it.
/// </summary>
[GenerateSerializer, Alias("kmn.RecordCategory")]
public enum RecordCategory
{
    Basic = 0,         // 基本情報
    Diagnoses = 1,     // 病名
    Medications = 2,   // 処方・調剤
    LabResults = 3,    // 検体検査
    Imaging = 4,       // 画像・読影レポート
    Documents = 5,     // 文書
    Checkups = 6,      // 健診
    BulletinBoard = 7, // 掲示板
}

public static class RecordCategoryNames
{
    /// <summary>The seven categories a facility configures (everything but <see cref="RecordCategory.Basic"/>).</summary>
    public static IReadOnlyList<RecordCategory> Configurable { get; } =
    [
        RecordCategory.Diagnoses, RecordCategory.Medications, RecordCategory.LabResults, RecordCategory.Imaging,
        RecordCategory.Documents, RecordCategory.Checkups, RecordCategory.BulletinBoard,
    ];

    public static string Japanese(this RecordCategory category) => category switch
    {
        RecordCategory.Basic => "基本情報",
        RecordCategory.Diagnoses => "病名",
        RecordCategory.Medications => "処方・調剤",
        RecordCategory.LabResults => "検体検査",
        RecordCategory.Imaging => "画像・読影レポート",
        RecordCategory.Documents => "文書",
        RecordCategory.Checkups => "健診",
        RecordCategory.BulletinBoard => "掲示板",
        _ => category.ToString(),
    };
}
