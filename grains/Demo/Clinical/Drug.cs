namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// A drug as a Japanese prescription names it: product name, YJ or HOT9 code, tablets per dose, and the JAMI
/// usage code of how it is taken (用法, e.g. 1日2回朝夕食後).
/// </summary>
public sealed record Drug(string Key, string Name, string System, string Code, decimal PerDose, Usage Usage)
{
    public decimal PerDay => PerDose * Usage.TimesPerDay;
}

/// <summary>A JAMI 16-digit usage code (用法) with its text and how many times a day it means.</summary>
public sealed record Usage(string Code, string Text, int TimesPerDay);

public static class Drugs
{
    public static readonly Usage MorningOnce = new("1011000400000000", "内服・経口・1日1回朝食後", 1);
    public static readonly Usage EveningOnce = new("1011040000000000", "内服・経口・1日1回夕食後", 1);
    public static readonly Usage TwiceMorningEvening = new("1012040400000000", "内服・経口・1日2回朝夕食後", 2);
    public static readonly Usage ThreeTimes = new("1013044400000000", "内服・経口・1日3回朝昼夕食後", 3);

    public static readonly Drug Metformin = new("metformin", "メトグルコ錠250mg", CodeSystems.Yj, "3962002F2027", 1, TwiceMorningEvening);
    public static readonly Drug Amlodipine = new("amlodipine", "ノルバスク錠2.5mg", CodeSystems.Yj, "2171022F1029", 1, MorningOnce);
    public static readonly Drug Atorvastatin = new("atorvastatin", "リピトール錠10mg", CodeSystems.Yj, "2189015F2020", 1, EveningOnce);
    public static readonly Drug Rosuvastatin = new("rosuvastatin", "クレストール錠2.5mg", CodeSystems.Yj, "2189017F1022", 1, EveningOnce);
    public static readonly Drug Loxoprofen = new("loxoprofen", "ロキソニン錠60mg", CodeSystems.Yj, "1149019F1560", 1, ThreeTimes);
    public static readonly Drug Carbocisteine = new("carbocisteine", "ムコダイン錠250mg", CodeSystems.Hot9, "103835401", 1, ThreeTimes);
}
