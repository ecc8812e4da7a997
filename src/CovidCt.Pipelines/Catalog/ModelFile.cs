using CovidCt.Data.IO;

namespace CovidCt.Pipelines.Catalog;

/// <summary>The check every step's options make of a model path when the pipeline is built.</summary>
internal static class ModelFile
{
    /// <exception cref="ArgumentException">When no path is given.</exception>
    /// <exception cref="InvalidInputException">When the file does not exist.</exception>
    public static void Require(string? path, string option)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"{option} is empty; expected the path of an ONNX model", option);
        if (!File.Exists(path)) throw new InvalidInputException(path, "model file not found; expected an ONNX model (.onnx)", field: option);
    }
}
