using System.CommandLine;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Pipelines.Workspace;

namespace CovidCt.Cli.Commands;

/// <summary>The options <c>evaluate</c>, <c>compare</c> and <c>sweep</c> share: cohort, split, cache, valid area, intervals and how much to print.</summary>
internal sealed class EvaluationOptions
{
    public Option<FileInfo?> Cohort { get; } = new("--cohort") { Description = $"Cohort manifest (patient_id,label,images,masks,split). Default: the embedded {ShippedAssets.DefaultCohort}." };

    public Option<string> Split { get; } = new Option<string>("--split")
    {
        Description = "Patients to evaluate: test (default), val, train, or all.",
        DefaultValueFactory = _ => "test",
    }.AcceptOnlyFromAmong("test", "val", "train", "all");

    public Option<DirectoryInfo?> Cache { get; } = new("--cache") { Description = "Probability-map cache folder, reused on rerun. Default: .cache/probability-maps in the repository (or the working folder)." };

    public Option<string> Ci { get; } = MetricsOptions.Ci();

    public Option<double> Level { get; } = MetricsOptions.Level();

    public Option<bool> Json { get; } = MetricsOptions.Json();

    public ValidAreaChoice ValidArea { get; } = new();

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No progress and no tables: only errors (and the JSON with --json)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Cohort, Split, Cache, Ci, Level, Json, Quiet }) command.Options.Add(option);
        ValidArea.AddTo(command);
    }

    public CohortManifest Manifest(ParseResult parse) => CohortManifest.Load(parse.GetValue(Cohort)?.FullName ?? ShippedAssets.Cohort());

    public CohortSplit? SplitOf(ParseResult parse) => CohortSplitNames.ParseOrAll(parse.GetValue(Split)!);

    public string CacheRoot(ParseResult parse) =>
        parse.GetValue(Cache)?.FullName ?? (ShippedAssets.FindLayout() ?? RepositoryLayout.At(Environment.CurrentDirectory)).ProbabilityMapsFolder;

    public ProportionInterval Method(ParseResult parse) => MetricsOptions.Method(parse.GetValue(Ci)!);

    public double CheckedLevel(ParseResult parse) => MetricsOptions.CheckedLevel(parse.GetValue(Level));
}
