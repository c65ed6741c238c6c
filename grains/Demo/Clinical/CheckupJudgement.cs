using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>A 健診 judgement: A 異常なし, B 軽度異常, C 要経過観察, D 要医療, E 治療中.</summary>
public sealed record Judgement(string Code, string Display, int Severity)
{
    public static readonly Judgement A = new("A", "異常なし", 0);
    public static readonly Judgement B = new("B", "軽度異常", 1);
    public static readonly Judgement C = new("C", "要経過観察", 2);
    public static readonly Judgement D = new("D", "要医療", 4);
    public static readonly Judgement E = new("E", "治療中", 3);
}

/// <summary>
/// Judges 特定健診 items with thresholds shaped like the 保健指導判定値 / 受診勧奨判定値, and the overall result: any
/// 要医療 item makes the whole 要医療, else 治療中, else the worst of A–C.
/// </summary>
public static class CheckupJudgement
{
    /// <summary>Null for items that are not judged (height, weight).</summary>
    public static Judgement? Item(LabTest test, decimal v, Sex sex, Func<Diagnosis, bool> treated)
    {
        if (test == LabTests.HbA1c || test == LabTests.FastingGlucose)
            return treated(Diagnoses.Diabetes) ? Judgement.E
                : test == LabTests.HbA1c ? Grade(v, 5.6m, 6.0m, 6.5m) : Grade(v, 100, 110, 126);
        if (test == LabTests.Systolic)
            return treated(Diagnoses.Hypertension) ? Judgement.E : Grade(v, 130, 140, 160);
        if (test == LabTests.Diastolic)
            return treated(Diagnoses.Hypertension) ? Judgement.E : Grade(v, 85, 90, 100);
        if (test == LabTests.Ldl)
            return treated(Diagnoses.Dyslipidemia) ? Judgement.E : Grade(v, 120, 140, 180);
        if (test == LabTests.Triglycerides)
            return treated(Diagnoses.Dyslipidemia) ? Judgement.E : Grade(v, 150, 300, 500);
        if (test == LabTests.Hdl)
            return treated(Diagnoses.Dyslipidemia) ? Judgement.E : v >= 40 ? Judgement.A : v >= 35 ? Judgement.C : Judgement.D;
        if (test == LabTests.Ast || test == LabTests.Alt)
            return Grade(v, 31, 51, 101);
        if (test == LabTests.Ggt)
            return Grade(v, 51, 101, 201);
        if (test == LabTests.Bmi)
            return Grade(v, 25, 30, 999);
        if (test == LabTests.Waist)
            return v >= (sex == Sex.Female ? 90 : 85) ? Judgement.B : Judgement.A;
        return null;
    }

    public static Judgement Overall(IEnumerable<Judgement> items) => items.MaxBy(j => j.Severity) ?? Judgement.A;

    public static string Comment(Judgement overall) => overall.Code switch
    {
        "A" => "今回の健診では異常を認めませんでした。来年も受診しましょう。",
        "B" => "軽度の異常があります。食事と運動に気をつけて、来年の健診で確認しましょう。",
        "C" => "経過観察が必要な項目があります。生活習慣を見直し、半年後に再検査を受けてください。",
        "D" => "医療機関での精密検査・治療が必要な項目があります。早めに受診してください。",
        _ => "治療中の項目があります。引き続き主治医の指示に従ってください。",
    };

    // Below b: A; below c: B; below d: C; otherwise D.
    private static Judgement Grade(decimal v, decimal b, decimal c, decimal d) =>
        v < b ? Judgement.A : v < c ? Judgement.B : v < d ? Judgement.C : Judgement.D;
}
