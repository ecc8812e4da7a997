using CovidCt.Data.IO;

namespace CovidCt.Cli.Commands;

/// <summary>The --model option's checks, shared by every command that runs a model.</summary>
internal static class ModelFiles
{
    /// <summary>The full path of <paramref name="file"/>, or an input error naming it when it does not exist.</summary>
    public static string RequireFile(FileInfo file) =>
        file.Exists ? file.FullName : throw new InvalidInputException(file.FullName, "no such model file; expected an ONNX lesion model (.onnx)");

    /// <summary>The model given with --model, or the shipped default with a note when it stood in for a missing one.</summary>
    public static ModelChoice Choose(FileInfo? given) => given is not null ? new ModelChoice(RequireFile(given), null) : ShippedAssets.Model();
}
