namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>A diagnosis (傷病名) with its ICD-10 (2013, MHLW) code and the drug that treats it in the demo, if any.</summary>
public sealed record Diagnosis(string Key, string Icd10, string Name, Drug? Treatment);

public static class Diagnoses
{
    public static readonly Diagnosis Diabetes = new("dm", "E11.9", "2型糖尿病", Drugs.Metformin);
    public static readonly Diagnosis Hypertension = new("ht", "I10", "高血圧症", Drugs.Amlodipine);
    public static readonly Diagnosis Dyslipidemia = new("dl", "E78.5", "脂質異常症", Drugs.Atorvastatin);
    public static readonly Diagnosis Ckd = new("ckd", "N18.3", "慢性腎臓病 ステージG3", null);
    public static readonly Diagnosis Cold = new("uri", "J06.9", "急性上気道炎", Drugs.Carbocisteine);
    public static readonly Diagnosis LowBackPain = new("lbp", "M54.5", "腰痛症", Drugs.Loxoprofen);
    public static readonly Diagnosis Pneumonia = new("pneumonia", "J18.9", "肺炎", null);
    public static readonly Diagnosis GastricCancer = new("gastric-cancer", "C16.9", "胃癌", null);
    public static readonly Diagnosis Caries = new("caries", "K02.9", "う蝕", null);
    public static readonly Diagnosis Gingivitis = new("gingivitis", "K05.1", "慢性歯肉炎", null);
}
