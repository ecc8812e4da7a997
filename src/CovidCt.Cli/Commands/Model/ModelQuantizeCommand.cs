using System.CommandLine;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Models.Quantization;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct model quantize MODEL --calibrate MANIFEST --out MODEL-int8.onnx</c>: static int8 (QDQ) quantisation with activation
/// ranges calibrated on a cohort's slices, preprocessed as scoring preprocesses them (<see cref="Int8Quantization"/>).
/// </summary>
internal static class ModelQuantizeCommand
{
    public static Command Create()
    {
        var model = new Argument<FileInfo>("model") { Description = "The float32 lesion model (ONNX) to quantise." };
        var calibrate = new Option<FileInfo?>("--calibrate") { Description = "Cohort manifest whose slices calibrate the activation ranges (or --images/--masks). Never the split you will evaluate on." };
        var split = new Option<string>("--split")
        {
            Description = "Patients to calibrate on: train (default), val, test or all.",
            DefaultValueFactory = _ => "train",
        }.AcceptOnlyFromAmong("train", "val", "test", "all");
        var maxSlices = new Option<int?>("--max-slices") { Description = "At most this many calibration slices, spread evenly over each patient's series (a study-size model is slow to calibrate). Default: every slice of the split." };
        var calibration = new Option<string>("--calibration")
        {
            Description = "How each activation's range is taken from the calibration slices: minmax (default, one pass: nothing seen is clipped) or percentile:P (from the (100-P)th to the Pth percentile, a second pass). On unetpp-v2 percentile:99.999 was as faithful to the float model as minmax; a lower P such as 99.9 clips the largest activations and lowers lesion probabilities (docs/models.md), so check it with compare.",
            DefaultValueFactory = _ => "minmax",
        };
        var output = new Option<FileInfo>("--out") { Description = "The int8 model to write (e.g. MODEL-int8.onnx); must not exist.", Required = true };
        var source = new CtSourceOptions();
        var folders = new ImageFolderOptions();
        var command = new Command("quantize", "Make a static int8 (QDQ) version of a float model, calibrated on a cohort's slices; check its accuracy with compare before use.")
        {
            model, calibrate, split, maxSlices, calibration, output,
        };
        source.AddTo(command);
        folders.AddTo(command);
        command.SetAction(parse =>
        {
            if (parse.GetValue(maxSlices) is < 1) throw new UsageException($"--max-slices is {parse.GetValue(maxSlices)}; expected at least 1");
            var method = ParseCalibration(parse.GetValue(calibration)!);
            var read = source.Read(parse);
            var manifest = folders.Cohort(parse, parse.GetValue(calibrate) is not null, read)
                ?? CohortManifest.Load(parse.GetValue(calibrate)?.FullName ?? throw new UsageException("quantize needs calibration slices: give --calibrate MANIFEST, or --images and --masks"), read);
            var (splitValue, modelPath, outPath) = (CohortSplitNames.ParseOrAll(parse.GetValue(split)!), parse.GetValue(model)!.FullName, parse.GetValue(output)!.FullName);
            var result = Int8Quantization.Quantize(modelPath, manifest, splitValue, outPath, parse.GetValue(maxSlices), method);
            var writers = CommandWriters.Of(parse);
            Write(writers, manifest, result, modelPath);
            return CliApp.Success;
        });
        return command;
    }

    private static CalibrationMethod ParseCalibration(string text)
    {
        try
        {
            return CalibrationMethod.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--calibration: {e.Message}");
        }
    }

    private static void Write(CommandWriters writers, CohortManifest manifest, Int8QuantizationResult result, string modelPath)
    {
        var o = writers.Output;
        o.WriteLine($"Calibrated on {result.CalibrationSlices} slices of {result.CalibrationPatients} patients of {manifest.Path} ({result.Calibration} ranges)");
        if (result.FoldedBatchNorms > 0) o.WriteLine($"  {result.FoldedBatchNorms} batch normalisations folded into the convolutions before them");
        o.WriteLine($"Wrote {result.OutputPath} (int8, sha256 {result.OutputSha256[..12]}; from sha256 {result.SourceSha256[..12]})");
        o.WriteLine($"  {result.Int8Convs} of {result.Convs} convolutions with int8 weights (per output channel), {result.QuantisedActivations} activations uint8");
        var f = result.Fusion;
        o.WriteLine($"  ONNX Runtime on this CPU: {f.QuantisedConvs} convolutions as quantised kernels (QLinearConv), {f.FloatConvs} in float, {f.QuantisedConcats} concatenations on uint8");
        if (f.QuantisedConvs == 0)
        {
            writers.Error.WriteLine("Warning: ONNX Runtime fused no convolution into a quantised kernel here, so the int8 model runs float kernels between quantise/dequantise steps and will be slower than the float model");
        }
        o.WriteLine($"Check what it costs before using it: covidct compare --model {modelPath} --model {result.OutputPath}");
    }
}
