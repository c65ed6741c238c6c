namespace KMN.Orleans.Benchmarks;

/// <summary>Command-line sizes; the defaults finish in about a minute on 2 cores.</summary>
public sealed record BenchOptions(int GeneratorPatients, int Sample, int GrowTo, string Only = "all", int Parallel = 4, int Passes = 3, bool PgStatements = false,
    int ColdOpens = 5, int WarmOpens = 20, int ChartPageSize = 10_000)
{
    public bool Runs(string suite) => Only == "all" || Only == suite;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(GeneratorPatients: 470_000, Sample: 1_000, GrowTo: 20_000);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--only")
            {
                // foundation (generator, enrolment) | fhir (clinical records) | access | chart (issue 6, Chromium) | all
                options = options with { Only = args[i + 1] };
                continue;
            }
            var value = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--generator" => options with { GeneratorPatients = value },
                "--sample" => options with { Sample = value },
                "--grow-to" => options with { GrowTo = value },
                "--parallel" => options with { Parallel = value }, // concurrent FHIR uploads
                "--passes" => options with { Passes = value },     // measured FHIR ingest/COPY passes (median reported)
                "--pg-statements" => options with { PgStatements = value != 0 }, // print PostgreSQL's busiest statements
                "--cold" => options with { ColdOpens = value },     // chart opens after the silo's activations are collected
                "--warm" => options with { WarmOpens = value },     // chart opens right after another
                "--chart-page" => options with { ChartPageSize = value }, // $everything page size of the server-side read (the portal reads 10,000)
                _ => throw new ArgumentException($"Unknown option {args[i]}"),
            };
        }
        if (options.GrowTo < options.Sample * 3)
            throw new ArgumentException("--grow-to must be at least three samples.");
        return options;
    }
}
