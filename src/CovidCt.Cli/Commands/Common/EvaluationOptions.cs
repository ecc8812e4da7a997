using System.CommandLine;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Caching;

namespace CovidCt.Cli.Commands;

/// <summary>The options <c>evaluate</c>, <c>compare</c> and <c>sweep</c> share: cohort, split, cache, valid area, image score, framing, memory budget, intervals and how much to print.</summary>
internal sealed class EvaluationOptions
{
    public Option<FileInfo?> Cohort { get; } = new("--cohort") { Description = $"Cohort manifest (patient_id,label,images,masks,split). Default: the embedded {ShippedAssets.DefaultCohort}." };

    public Option<string> Split { get; } = new Option<string>("--split")
    {
        Description = "Patients to evaluate: test (default), val, train, or all.",
        DefaultValueFactory = _ => "test",
    }.AcceptOnlyFromAmong("test", "val", "train", "all");

    public Option<DirectoryInfo?> Cache { get; } = new("--cache") { Description = "Probability-map cache folder, reused on rerun. Default: $XDG_CACHE_HOME/covidct/probability-maps, else ~/.cache/covidct/probability-maps." };

    public Option<string> Ci { get; } = MetricsOptions.Ci();

    public Option<double> Level { get; } = MetricsOptions.Level();

    public Option<bool> Json { get; } = MetricsOptions.Json();

    public ValidAreaChoice ValidArea { get; } = new();

    public Option<string?> ImageScore { get; } = PipelineChoice.ImageScoreOption();

    public Option<string?> Framing { get; } = PipelineChoice.FramingOption();

    public Option<string?> MemoryBudget { get; } = new("--memory-budget")
    {
        Description = "Memory scoring may use, e.g. 2G (default), 1500M or 8G: bounds how many batches are scored at once (each holds a copy of the "
            + "model's activations, about 1 GB for a 512x512 study-size UNet++); the threads are then chosen so that every core has work. Never changes a number.",
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No progress and no tables: only errors and warnings (and the JSON with --json)." };

    public CtSourceOptions Source { get; } = new();

    public ImageFolderOptions ImageFolders { get; } = new();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Cohort, Split, Cache, Ci, Level, Json, Quiet, ImageScore, Framing, MemoryBudget }) command.Options.Add(option);
        ValidArea.AddTo(command);
        Source.AddTo(command);
        ImageFolders.AddTo(command);
    }

    /// <summary>The manifest (or the image-level cohort of --images/--masks), loaded with --series and --window (the default window of rows without one).</summary>
    public CohortManifest Manifest(ParseResult parse)
    {
        var read = Source.Read(parse, perImageFit: true);
        return ImageFolders.Cohort(parse, parse.GetValue(Cohort) is not null, read)
            ?? CohortManifest.Load(parse.GetValue(Cohort)?.FullName ?? ShippedAssets.Cohort(), read);
    }

    /// <summary>The images read at a window fitted per image (--window fit-per-image, or manifest rows whose window is fit; the cohort to run is its <see cref="PerImageWindows.Manifest"/>); else null.</summary>
    public PerImageWindows? FitWindows(ParseResult parse, CohortManifest manifest) => Source.FittedWindows(parse, manifest);

    /// <summary>Notes and warnings about the read window of the split's PNG/JPEG sources (and of the <paramref name="fitted"/> ones), before any number is printed.</summary>
    public void WriteWindowNotes(ParseResult parse, CohortManifest manifest, CohortSplit? split, PerImageWindows? fitted = null)
    {
        var writers = CommandWriters.Of(parse);
        var json = parse.GetValue(Json);
        var quiet = parse.GetValue(Quiet);
        WindowNotes.Write(manifest.InSplit(split), manifest.ImageOptions?.Limits ?? Data.InputLimits.Default, quiet ? null : writers.Log(json), quiet ? writers.Error : writers.Log(json), fitted);
    }

    /// <summary>Says where this run caches and writes, before it starts (so private data's derived files are never a surprise).</summary>
    public void WriteFolders(ParseResult parse, string cacheRoot, string? outFolder)
    {
        if (parse.GetValue(Quiet)) return;
        var log = CommandWriters.Of(parse).Log(parse.GetValue(Json));
        log.WriteLine($"Cache: {cacheRoot}");
        if (outFolder is not null) log.WriteLine($"Output: {outFolder}");
    }

    /// <summary>
    /// <paramref name="options"/> with --memory-budget applied to its scoring (a new set of the study's options when
    /// <paramref name="options"/> is null and a budget was given); <paramref name="options"/> unchanged without the option.
    /// </summary>
    public PipelineOptions? WithMemoryBudget(ParseResult parse, PipelineOptions? options)
    {
        if (parse.GetValue(MemoryBudget) is not { } text) return options;
        options ??= new PipelineOptions();
        options.Scoring.MemoryBudgetBytes = ByteSize.Parse(text, MemoryBudget.Name);
        return options;
    }

    public CohortSplit? SplitOf(ParseResult parse) => CohortSplitNames.ParseOrAll(parse.GetValue(Split)!);

    public string CacheRoot(ParseResult parse) => parse.GetValue(Cache)?.FullName ?? UserCacheFolder.ProbabilityMaps();

    public ProportionInterval Method(ParseResult parse) => MetricsOptions.Method(parse.GetValue(Ci)!);

    public double CheckedLevel(ParseResult parse) => MetricsOptions.CheckedLevel(parse.GetValue(Level));
}
