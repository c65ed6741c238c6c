namespace KMN.Orleans.Grains.Demo;

/// <summary>Municipalities of Kumamoto prefecture (熊本県) used to place demo facilities.</summary>
internal static class KumamotoPlaces
{
    public static readonly string[] Municipalities =
    [
        "熊本市中央区", "熊本市東区", "熊本市西区", "熊本市南区", "熊本市北区", "八代市", "人吉市", "荒尾市",
        "水俣市", "玉名市", "山鹿市", "菊池市", "宇土市", "上天草市", "宇城市", "阿蘇市", "天草市", "合志市",
        "菊陽町", "大津町", "益城町", "御船町", "南阿蘇村", "芦北町",
    ];
}
