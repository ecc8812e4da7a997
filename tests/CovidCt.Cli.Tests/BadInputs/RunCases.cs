namespace CovidCt.Cli.Tests.BadInputs;

/// <summary>Environment and model problems: an output path that cannot be a run folder, and files that are not ONNX models.</summary>
public static class RunCases
{
    public static IEnumerable<BadInput> All()
    {
        yield return new BadInput("evaluate --out is a file", folder =>
        {
            File.WriteAllText(folder.File("out"), "a file");
            return ["evaluate", "--quiet", "--out", folder.File("out")];
        }, CliApp.InputError, "--out", "is a file");
        yield return new BadInput("evaluate --out holds someone's files", folder =>
        {
            Directory.CreateDirectory(folder.File("out"));
            File.WriteAllText(folder.File("out/thesis.docx"), "years of work");
            return ["evaluate", "--quiet", "--out", folder.File("out")];
        }, CliApp.InputError, "thesis.docx", "did not write");
        yield return new BadInput("convert into a folder that is a file", folder =>
        {
            File.WriteAllBytes(folder.File("ct.nii"), RawFiles.FloatNifti(4, 4, 2, _ => -500));
            File.WriteAllText(folder.File("afile"), "a file, not a folder");
            return ["convert", folder.File("ct.nii"), folder.File("afile/out.nii.gz")];
        }, CliApp.InputError, "could not be read or written", "afile");
        foreach (var (name, bytes) in new (string, byte[])[]
        {
            ("empty", []),
            ("text", "this is not a model"u8.ToArray()),
            ("random", Enumerable.Range(0, 4000).Select(i => (byte)(i * 37 + 11)).ToArray()),
            ("zip", [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0]),
        })
        {
            yield return new BadInput($"detect with a {name} .onnx", folder =>
            {
                File.WriteAllBytes(folder.File("model.onnx"), bytes);
                File.WriteAllBytes(folder.File("ct.nii"), RawFiles.FloatNifti(8, 8, 2, _ => -500));
                return ["detect", folder.File("ct.nii"), "--model", folder.File("model.onnx"), "--out", folder.File("figures")];
            }, CliApp.InputError, "model.onnx");
            yield return new BadInput($"evaluate with a {name} .onnx", folder =>
            {
                File.WriteAllBytes(folder.File("model.onnx"), bytes);
                return ["evaluate", "--quiet", "--model", folder.File("model.onnx"), "--out", folder.File("out")];
            }, CliApp.InputError, "model.onnx");
        }
        yield return new BadInput("detect with a missing model", folder =>
        {
            File.WriteAllBytes(folder.File("ct.nii"), RawFiles.FloatNifti(8, 8, 2, _ => -500));
            return ["detect", folder.File("ct.nii"), "--model", folder.File("none.onnx"), "--out", folder.File("figures")];
        }, CliApp.InputError, "none.onnx");
        yield return new BadInput("metrics scores on a missing file", folder => ["metrics", "scores", folder.File("scores.csv")], CliApp.InputError, "scores.csv");
        yield return new BadInput("metrics scores on a file with a bad score", folder =>
        {
            File.WriteAllText(folder.File("scores.csv"), "id,label,score\na,1,0.9\nb,0,high\n");
            return ["metrics", "scores", folder.File("scores.csv")];
        }, CliApp.InputError, "scores.csv", "line 3");
        yield return new BadInput("metrics scores on a file with label 2", folder =>
        {
            File.WriteAllText(folder.File("scores.csv"), "id,label,score\na,1,0.9\nb,2,0.1\n");
            return ["metrics", "scores", folder.File("scores.csv")];
        }, CliApp.InputError, "scores.csv", "line 3");
    }
}
