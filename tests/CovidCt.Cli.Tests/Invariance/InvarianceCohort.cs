using System.Diagnostics;
using System.Globalization;
using CovidCt.Data.Cohorts;
using CovidCt.Testing.Invariance;

namespace CovidCt.Cli.Tests.Invariance;

/// <summary>
/// The invariance cohort, built once for the suite: real LIDC-IDRI series with COVID-19 lesions inserted by
/// <c>covidct cohort build</c> (so the truth is exact), cut to slabs, written in every <see cref="CtForm"/>, each run
/// through <c>covidct evaluate</c> with the shipped model.
/// </summary>
public sealed class InvarianceCohort : IDisposable
{
    /// <summary>Slices per patient: enough for the 3-consecutive rule with the ends of the lesion run, small enough that a form scores in seconds.</summary>
    public const int SlabDepth = 24;

    /// <summary>
    /// Two COVID-19 patients and two controls on each LIDC-IDRI series, all in the test split. Four controls give about a
    /// hundred lesion-free slices, so one slice flipping moves specificity by about one point, not two.
    /// </summary>
    private const string Spec = """
        {
          "name": "invariance",
          "seed": 141414,
          "realCt": [
            { "series": "lidc-idri/LIDC-IDRI-0001", "covid": 2, "control": 2, "split": "test" },
            { "series": "lidc-idri/LIDC-IDRI-0003", "covid": 2, "control": 2, "split": "test" }
          ]
        }
        """;

    private readonly TempFolder _folder = new();
    private readonly Lazy<IReadOnlyList<InvariancePatient>> _patients;
    private readonly Dictionary<string, FormOutcome> _outcomes = [];

    public InvarianceCohort() => _patients = new(Build);

    /// <summary>The slabs every form is written from.</summary>
    public IReadOnlyList<InvariancePatient> Patients => _patients.Value;

    /// <summary>Wall and CPU seconds (of the whole test process) spent building the cohort and evaluating each form, for the suite's report.</summary>
    public Dictionary<string, (double Wall, double Cpu)> Seconds { get; } = [];

    /// <summary>"12.3 s (20.1 s CPU)" for the cohort or a form already done.</summary>
    public string Took(string step) => string.Create(CultureInfo.InvariantCulture, $"{Seconds[step].Wall:0.0} s ({Seconds[step].Cpu:0.0} s CPU)");

    /// <summary>Writes <paramref name="form"/> and evaluates it (once per form).</summary>
    public FormOutcome Outcome(CtForm form)
    {
        lock (_outcomes)
        {
            if (_outcomes.TryGetValue(form.Name, out var known)) return known;
            var clock = Clock.Start();
            var folder = Path.Combine(_folder.Path, form.Name);
            var manifest = CtFormWriter.Write(form, Patients, folder);
            var outFolder = Path.Combine(folder, "out");
            var run = CliRun.Of("evaluate", "--cohort", manifest, "--out", outFolder, "--cache", Path.Combine(folder, "cache"), "--quiet");
            Assert.True(run.ExitCode == 0, $"evaluate on the {form.Name} form exited {run.ExitCode}: {run.Error}");
            var outcome = FormOutcome.Read(outFolder, run.Error.Trim());
            Seconds[form.Name] = clock.Stop();
            // The written slices are not needed any more; a form's files take up to 100 MB.
            Directory.Delete(folder, recursive: true);
            return _outcomes[form.Name] = outcome;
        }
    }

    public void Dispose() => _folder.Dispose();

    // CPU time of the process, which is the step's own when the suite runs alone (other test classes share the process otherwise).
    private sealed record Clock(Stopwatch Wall, TimeSpan Cpu)
    {
        public static Clock Start() => new(Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime);

        public (double Wall, double Cpu) Stop() => (Wall.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - Cpu).TotalSeconds);
    }

    private IReadOnlyList<InvariancePatient> Build()
    {
        var clock = Clock.Start();
        var shared = SharedData.LidcPatient("LIDC-IDRI-0001");
        SharedData.LidcPatient("LIDC-IDRI-0003");
        var spec = _folder.File("spec.json");
        File.WriteAllText(spec, Spec);
        var built = _folder.File("built");
        var run = CliRun.Of("cohort", "build", "--spec", spec, "--out", built, "--shared-data", Path.GetDirectoryName(Path.GetDirectoryName(shared))!, "--no-sheets");
        Assert.True(run.ExitCode == 0, $"cohort build exited {run.ExitCode}: {run.Error}");
        var manifest = CohortManifest.Load(Path.Combine(built, "manifest.csv"));
        var patients = manifest.Entries.Select(e => InvariancePatient.Slab(e, SlabDepth)).ToList();
        // The full series are read; only the slabs are kept.
        Directory.Delete(built, recursive: true);
        Seconds["cohort"] = clock.Stop();
        return patients;
    }
}
