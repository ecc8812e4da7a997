using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;
using CovidCt.Data.Nifti;

namespace CovidCt.Data.Synthesis;

/// <summary>How <see cref="CohortBuilder.Build"/> runs.</summary>
/// <param name="SharedData">Folder that relative real-CT series paths resolve against; null when the spec has none or only absolute ones.</param>
/// <param name="ContactSheets">Write a contact-sheet PNG per patient under <c>sheets/</c>.</param>
/// <param name="Splits">Build only the patients of these splits (the same patients, byte for byte, as in a full build); null builds all.</param>
public sealed record CohortBuildOptions(string? SharedData = null, bool ContactSheets = true, IReadOnlySet<CohortSplit>? Splits = null);

/// <summary>What a build wrote.</summary>
/// <param name="Manifest">Path of <c>manifest.csv</c>.</param>
/// <param name="Patients">The cohort card lines, in manifest order.</param>
public sealed record CohortBuildResult(string Manifest, IReadOnlyList<CohortCardPatient> Patients)
{
    /// <summary>
    /// The geometry the readers of the spec's real series assumed (<see cref="CtVolume.Assumptions"/>), once per series: the
    /// cohort's NIfTI files state that geometry as if it were known, so the builder is the last place that can say it was a guess.
    /// </summary>
    public IReadOnlyList<ReadAssumption> Assumptions { get; init; } = [];
}

/// <summary>
/// Builds a cohort from a <see cref="CohortSpec"/>: per patient <c>images/ID.nii.gz</c>, for COVID-19 patients
/// <c>masks/ID.nii.gz</c>, optionally <c>sheets/ID.png</c>; then <c>manifest.csv</c> (patient-level splits) and the cohort card.
/// The same spec gives byte-identical files.
/// </summary>
public static class CohortBuilder
{
    /// <summary>Builds <paramref name="spec"/> into <paramref name="outFolder"/>, reporting each finished patient to <paramref name="progress"/>.</summary>
    /// <exception cref="InvalidInputException">When a real CT series cannot be found or read.</exception>
    public static CohortBuildResult Build(CohortSpec spec, string outFolder, CohortBuildOptions options, Action<CohortCardPatient>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var folder = Path.GetFullPath(outFolder);
        var plan = CohortPlan.For(spec).Where(p => options.Splits is null || options.Splits.Contains(p.Split)).ToList();
        var realSeries = plan.Where(p => p.Series is not null).Select(p => p.Series!).Distinct().ToDictionary(s => s, s => ResolveSeries(spec, s, options.SharedData));
        var cache = new Dictionary<string, CtVolume>();
        var card = new List<CohortCardPatient>();
        var entries = new List<CohortEntry>();
        Task pendingWrite = Task.CompletedTask;
        foreach (var planned in plan)
        {
            var patient = planned.Series is { } series
                ? PatientSimulator.InsertInto(Real(cache, realSeries[series]), planned.Label, planned.Seed, spec.Lesions)
                : PatientSimulator.Procedural(new PhantomOptions(planned.Seed, spec.Width, spec.Height, planned.Slices, spec.SliceThicknessMm.Min, spec.SliceThicknessMm.Max), planned.Label, spec.Lesions);
            var images = $"images/{planned.PatientId}.nii.gz";
            var masks = patient.CovidMask is null ? null : $"masks/{planned.PatientId}.nii.gz";
            // Writing (gzip, one core) overlaps with rendering the next patient (parallel over slices).
            pendingWrite.GetAwaiter().GetResult();
            pendingWrite = Task.Run(() => WritePatient(folder, planned.PatientId, images, masks, patient, options.ContactSheets));
            var line = CohortCard.Describe(planned, patient);
            card.Add(line);
            entries.Add(new CohortEntry(planned.PatientId, planned.Label, images, masks, planned.Split));
            progress?.Invoke(line);
        }
        pendingWrite.GetAwaiter().GetResult();
        var manifest = Path.Combine(folder, "manifest.csv");
        CohortManifest.Write(manifest, entries);
        CohortCard.Write(folder, spec, card, options.Splits);
        return new CohortBuildResult(manifest, card) { Assumptions = [.. cache.Values.SelectMany(v => v.Assumptions)] };
    }

    private static void WritePatient(string folder, string id, string images, string? masks, SimulatedPatient patient, bool sheet)
    {
        NiftiWriter.Write(patient.Volume, Path.Combine(folder, images));
        if (masks is not null) NiftiWriter.Write(patient.CovidMask!, Path.Combine(folder, masks));
        if (sheet) ContactSheet.Write(patient.Volume, patient.CovidMask, Path.Combine(folder, "sheets", $"{id}.png"));
    }

    private static CtVolume Real(Dictionary<string, CtVolume> cache, string path)
    {
        if (!cache.TryGetValue(path, out var volume)) cache[path] = volume = CtReader.Read(path);
        return volume;
    }

    private static string ResolveSeries(CohortSpec spec, string series, string? sharedData)
    {
        var file = spec.File.Length > 0 ? spec.File : "cohort spec";
        string path;
        if (Path.IsPathRooted(series)) path = series;
        else if (sharedData is null) throw new InvalidInputException(file, $"real CT series '{series}' is relative, but no shared data folder was given; pass --shared-data or set COVIDCT_SHARED_DATA", field: "realCt.series");
        else path = Path.GetFullPath(series, sharedData);
        if (!File.Exists(path) && !Directory.Exists(path)) throw new InvalidInputException(file, $"real CT series '{series}' not found at {path}", field: "realCt.series");
        return path;
    }
}
