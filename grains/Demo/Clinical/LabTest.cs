using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// One test or measurement: JLAC10 (the 17-digit code 特定健診 and JP Core use) and LOINC, the UCUM unit, the
/// reference range by sex (JCCLS 共用基準範囲 for the blood tests) and how many decimals results carry.
/// </summary>
public sealed record LabTest(string Key, string Name, string Jlac10, string Loinc, string LoincDisplay,
    string Ucum, string Unit, int Decimals, Range? Male, Range? Female)
{
    public Range? RangeFor(Sex sex) => sex == Sex.Female ? Female : Male;
}

/// <summary>A reference range; either end may be open (eGFR has only a lower limit).</summary>
public sealed record Range(decimal? Low, decimal? High)
{
    public string? Flag(decimal value) => value < Low ? "L" : value > High ? "H" : null;
}

/// <summary>The tests of the demo: lab panels, vitals and 特定健診 items.</summary>
public static class LabTests
{
    private static Range R(decimal? low, decimal? high) => new(low, high);

    public static readonly LabTest HbA1c = new("hba1c", "HbA1c (NGSP)", "3D046000001906202", "4548-4",
        "Hemoglobin A1c/Hemoglobin.total in Blood", "%", "%", 1, R(4.9m, 6.0m), R(4.9m, 6.0m));
    public static readonly LabTest FastingGlucose = new("glucose", "空腹時血糖", "3D010000001926101", "1558-6",
        "Fasting glucose [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 0, R(73, 109), R(73, 109));
    public static readonly LabTest Creatinine = new("creatinine", "クレアチニン", "3C015000002327101", "2160-0",
        "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 2, R(0.65m, 1.07m), R(0.46m, 0.79m));
    public static readonly LabTest Egfr = new("egfr", "eGFR", "8A065000002391901", "33914-3",
        "Glomerular filtration rate/1.73 sq M.predicted", "mL/min/{1.73_m2}", "mL/min/1.73m2", 1, R(60, null), R(60, null));
    public static readonly LabTest Ldl = new("ldl", "LDLコレステロール", "3F077000002327101", "18262-6",
        "Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay", "mg/dL", "mg/dL", 0, R(65, 163), R(65, 163));
    public static readonly LabTest Hdl = new("hdl", "HDLコレステロール", "3F070000002327101", "2085-9",
        "Cholesterol in HDL [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 0, R(38, 90), R(48, 103));
    public static readonly LabTest Triglycerides = new("tg", "中性脂肪", "3F015000002327101", "2571-8",
        "Triglyceride [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 0, R(40, 234), R(30, 117));
    public static readonly LabTest Ast = new("ast", "AST (GOT)", "3B035000002327201", "1920-8",
        "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", "U/L", 0, R(13, 30), R(13, 30));
    public static readonly LabTest Alt = new("alt", "ALT (GPT)", "3B045000002327201", "1742-6",
        "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", "U/L", 0, R(10, 42), R(7, 23));
    public static readonly LabTest Ggt = new("ggt", "γ-GTP", "3B090000002327101", "2324-2",
        "Gamma glutamyl transferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", "U/L", 0, R(13, 64), R(9, 32));
    public static readonly LabTest Hemoglobin = new("hb", "ヘモグロビン", "2A030000001930101", "718-7",
        "Hemoglobin [Mass/volume] in Blood", "g/dL", "g/dL", 1, R(13.7m, 16.8m), R(11.6m, 14.8m));

    // Measurements: the 特定健診 item codes (JLAC10-shaped, 9A/9N) with LOINC.
    public static readonly LabTest Systolic = new("sbp", "収縮期血圧", "9A751000000000001", "8480-6",
        "Systolic blood pressure", "mm[Hg]", "mmHg", 0, R(90, 129), R(90, 129));
    public static readonly LabTest Diastolic = new("dbp", "拡張期血圧", "9A761000000000001", "8462-4",
        "Diastolic blood pressure", "mm[Hg]", "mmHg", 0, R(50, 84), R(50, 84));
    public static readonly LabTest Height = new("height", "身長", "9N001000000000001", "8302-2",
        "Body height", "cm", "cm", 1, null, null);
    public static readonly LabTest Weight = new("weight", "体重", "9N006000000000001", "29463-7",
        "Body weight", "kg", "kg", 1, null, null);
    public static readonly LabTest Bmi = new("bmi", "BMI", "9N011000000000001", "39156-5",
        "Body mass index (BMI) [Ratio]", "kg/m2", "kg/m2", 1, R(18.5m, 24.9m), R(18.5m, 24.9m));
    public static readonly LabTest Waist = new("waist", "腹囲", "9N016160100000001", "8280-0",
        "Waist Circumference at umbilicus by Tape measure", "cm", "cm", 1, R(null, 84.9m), R(null, 89.9m));

    /// <summary>The full blood panel of a follow-up visit.</summary>
    public static readonly IReadOnlyList<LabTest> Panel =
        [HbA1c, Creatinine, Egfr, Ldl, Hdl, Triglycerides, Ast, Alt, Ggt, Hemoglobin];

    /// <summary>特定健診 items, in the order of the result form.</summary>
    public static readonly IReadOnlyList<LabTest> Checkup =
        [Height, Weight, Bmi, Waist, Systolic, Diastolic, HbA1c, FastingGlucose, Ldl, Hdl, Triglycerides, Ast, Alt, Ggt];
}
