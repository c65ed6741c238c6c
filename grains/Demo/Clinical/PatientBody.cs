using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// A patient's physiology over time: each test drifts from a personal baseline (HbA1c creeping up in diabetes,
/// eGFR falling in CKD, BP and LDL dropping once treated) with visit-to-visit noise. Derived values stay
/// consistent within one sample (creatinine from eGFR by the JSN formula, BMI from weight and height).
/// </summary>
public sealed class PatientBody(Random random, PatientProfile patient, IReadOnlyDictionary<Diagnosis, DateOnly> onsets,
    DateOnly start, bool heavy)
{
    private readonly double _a1c = onsets.ContainsKey(Diagnoses.Diabetes) ? (heavy ? 7.3 : 6.7 + random.NextDouble()) : 5.2 + 0.5 * random.NextDouble();
    private readonly double _egfr = onsets.ContainsKey(Diagnoses.Ckd) ? (heavy ? 58 : 45 + 12 * random.NextDouble()) : 8 * random.Gaussian();
    private readonly double _ldl = onsets.ContainsKey(Diagnoses.Dyslipidemia) ? 160 + 25 * random.NextDouble() : 95 + 30 * random.NextDouble();
    private readonly double _hdl = (patient.Sex == Sex.Female ? 62 : 52) + 8 * random.Gaussian();
    private readonly double _tg = onsets.ContainsKey(Diagnoses.Dyslipidemia) ? 190 + 60 * random.NextDouble() : 80 + 50 * random.NextDouble();
    private readonly double _ast = 18 + 8 * random.NextDouble();
    private readonly double _alt = (patient.Sex == Sex.Female ? 13 : 18) + 12 * random.NextDouble();
    private readonly double _ggt = (patient.Sex == Sex.Female ? 18 : 30) * (0.7 + random.NextDouble() * (random.Chance(0.2) ? 2.5 : 0.8));
    private readonly double _sbp = onsets.ContainsKey(Diagnoses.Hypertension) ? 148 + 12 * random.NextDouble() : 108 + 18 * random.NextDouble();
    private readonly double _height = (patient.Sex == Sex.Female ? 152 : 166) + 5 * random.Gaussian();
    private readonly double _bmi = 20 + 6 * random.NextDouble() + (onsets.ContainsKey(Diagnoses.Diabetes) ? 2 : 0);
    private readonly double _weightTrend = random.NextDouble() - 0.5;

    public bool Has(Diagnosis diagnosis) => onsets.ContainsKey(diagnosis);

    /// <summary>Treatment starts at the visit that diagnoses it; its effect shows after about a month.</summary>
    public bool Treated(Diagnosis diagnosis, DateOnly date) => onsets.TryGetValue(diagnosis, out var onset) && date >= Max(onset, start).AddDays(30);

    public IReadOnlyDictionary<LabTest, decimal> Sample(DateOnly date, Random noise)
    {
        var years = (date.DayNumber - start.DayNumber) / 365.25;
        var age = (date.DayNumber - patient.BirthDate.DayNumber) / 365.25;
        var female = patient.Sex == Sex.Female;
        var a1c = Has(Diagnoses.Diabetes) ? _a1c + (heavy ? 0.09 : 0.05) * years - (Treated(Diagnoses.Diabetes, date) ? 0.5 : 0) : _a1c + 0.02 * years;
        a1c += 0.2 * noise.Gaussian();
        var egfr = Has(Diagnoses.Ckd) ? _egfr - (heavy ? 2.0 : 1.5) * years : Math.Max(100 - 0.75 * age, 58) + _egfr;
        egfr = Math.Max(egfr + 3 * noise.Gaussian(), 8);
        var creatinine = Math.Pow(egfr / (194 * Math.Pow(Math.Max(age, 18), -0.287) * (female ? 0.739 : 1)), -1 / 1.094);
        var ldl = (Treated(Diagnoses.Dyslipidemia, date) ? 0.65 * _ldl : _ldl + 0.8 * years) + 10 * noise.Gaussian();
        var tg = (Treated(Diagnoses.Dyslipidemia, date) ? 0.8 : 1) * _tg * (1 + 0.2 * noise.Gaussian());
        var sbp = (Treated(Diagnoses.Hypertension, date) ? _sbp - 18 : _sbp + 0.4 * years) + 7 * noise.Gaussian();
        var weight = _bmi * _height * _height / 10_000 + _weightTrend * years + 0.6 * noise.Gaussian();
        var bmi = weight / (_height * _height / 10_000);
        return new Dictionary<LabTest, decimal>
        {
            [LabTests.HbA1c] = Round(LabTests.HbA1c, a1c, 4.0),
            [LabTests.FastingGlucose] = Round(LabTests.FastingGlucose, 28.7 * a1c - 58 + 8 * noise.Gaussian(), 60),
            [LabTests.Egfr] = Round(LabTests.Egfr, egfr, 5),
            [LabTests.Creatinine] = Round(LabTests.Creatinine, creatinine, 0.3),
            [LabTests.Ldl] = Round(LabTests.Ldl, ldl, 40),
            [LabTests.Hdl] = Round(LabTests.Hdl, _hdl - (Has(Diagnoses.Dyslipidemia) ? 6 : 0) + 4 * noise.Gaussian(), 25),
            [LabTests.Triglycerides] = Round(LabTests.Triglycerides, tg, 30),
            [LabTests.Ast] = Round(LabTests.Ast, _ast + 3 * noise.Gaussian(), 8),
            [LabTests.Alt] = Round(LabTests.Alt, _alt + 4 * noise.Gaussian(), 5),
            [LabTests.Ggt] = Round(LabTests.Ggt, _ggt * (1 + 0.15 * noise.Gaussian()), 6),
            [LabTests.Hemoglobin] = Round(LabTests.Hemoglobin, (female ? 13.0 : 14.6) - (Has(Diagnoses.Ckd) ? 0.12 * years : 0) + 0.4 * noise.Gaussian(), 7),
            [LabTests.Systolic] = Round(LabTests.Systolic, sbp, 85),
            [LabTests.Diastolic] = Round(LabTests.Diastolic, 0.55 * sbp + 12 + 4 * noise.Gaussian(), 45),
            [LabTests.Height] = Round(LabTests.Height, _height, 120),
            [LabTests.Weight] = Round(LabTests.Weight, weight, 30),
            [LabTests.Bmi] = Round(LabTests.Bmi, bmi, 12),
            [LabTests.Waist] = Round(LabTests.Waist, (female ? 2.5 * bmi + 27 : 2.6 * bmi + 22) + 2 * noise.Gaussian(), 50),
        };
    }

    private static decimal Round(LabTest test, double value, double floor) =>
        Math.Round((decimal)Math.Max(value, floor), test.Decimals, MidpointRounding.AwayFromZero);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
