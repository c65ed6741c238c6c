using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// A hospital stay for pneumonia (入院): the admission, its diagnosis, blood tests, a chest X-ray with its image
/// and report, and the discharge summary (退院時サマリー) as a text document.
/// </summary>
public static class AdmissionStory
{
    public static void Generate(HistoryContext ctx)
    {
        var plan = ctx.Plan;
        if (plan.AdmissionHospital is not { } site || plan.Admission is not { } admitted)
            return;
        var random = ctx.Stream(40);
        var days = 7 + random.Next(0, 8);
        var discharged = admitted.AddDays(days);
        if (!ctx.InHistory(admitted) || !ctx.InHistory(discharged))
            return;
        var record = ctx.Record(site);
        var doctor = StaffNames.Doctor(site.Facility, ctx.Seed);
        var id = $"{ctx.P}-h0";
        var start = HistoryContext.At(admitted, 10 + random.Next(0, 6), 0);
        var end = HistoryContext.At(discharged, 10, 30);
        var condition = ConditionResource.Add(record, id + "-dx", Diagnoses.Pneumonia, admitted, start, discharged, null, doctor);
        var encounter = EncounterResource.Add(record, id, "IMP", "入院", start, end, doctor, [condition]);
        var sample = plan.Body.Sample(admitted, ctx.Stream(41));
        LabPanel.AddLabs(record, id, start.AddMinutes(30), encounter, sample,
            [LabTests.Creatinine, LabTests.Egfr, LabTests.Ast, LabTests.Alt, LabTests.Hemoglobin], plan.Profile.Sex);
        var side = random.Chance(0.7) ? "右下肺野" : "左下肺野";
        var ctr = 42 + random.Next(0, 10);
        RadiologyResources.Add(record, id + "-xr", start.AddHours(1), encounter,
            ChestRadiograph.Png(ctx.Stream(42), opacity: true, rightSide: side == "右下肺野"),
            $"{side}に浸潤影を認めます。心胸郭比 {ctr}%、心拡大はありません。肋骨横隔膜角は鋭です。",
            $"{side}の肺炎として矛盾しません。治療後の再検をお勧めします。", StaffNames.Radiologist(site.Facility, ctx.Seed));
        DocumentResource.Add(record, id + "-summary", end, encounter, start, "18842-5", "Discharge summary", "退院時サマリー", doctor,
            DischargeSummary(plan.Profile, admitted, discharged, side, doctor, random));
    }

    private static string DischargeSummary(PatientProfile patient, DateOnly admitted, DateOnly discharged, string side,
        string doctor, Random random)
    {
        var age = (admitted.DayNumber - patient.BirthDate.DayNumber) / 365;
        var sex = patient.Sex == Sex.Female ? "女性" : "男性";
        return $"""
            退院時サマリー
            患者: {patient.FullName} 様（{age}歳 {sex}）
            入院期間: {admitted:yyyy年M月d日} 〜 {discharged:yyyy年M月d日}（{discharged.DayNumber - admitted.DayNumber + 1}日間）
            診断名: 肺炎（ICD-10 J18.9）
            入院時所見: 体温 38.{random.Next(0, 10)}℃、咳嗽と喀痰あり。胸部X線で{side}に浸潤影。
            経過: 入院当日より抗菌薬の点滴を開始し、第{2 + random.Next(0, 3)}病日に解熱した。食事摂取良好となり退院とした。
            退院時処方: なし
            今後の方針: かかりつけ医で経過を見ていただき、1か月後に胸部X線の再検をお願いします。
            担当医: {doctor}
            """;
    }
}
