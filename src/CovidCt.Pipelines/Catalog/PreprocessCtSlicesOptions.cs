using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Pipelines.Catalog;

/// <summary>Everything step 2 (preprocessing) needs: the model it prepares input for, and the overrides of what the model declares.</summary>
public sealed class PreprocessCtSlicesOptions
{
    /// <summary>The lesion model whose input shape and <c>covidct.*</c> metadata resolve the preprocessing.</summary>
    public string ModelFile { get; set; } = "";

    /// <summary>Window, input size, layout, channels (null fields come from the model, then the study).</summary>
    public PreprocessingOptions Preprocessing { get; set; } = new();

    /// <summary>Checks the options once, when the pipeline is built.</summary>
    /// <exception cref="ArgumentException">When the model path is empty.</exception>
    /// <exception cref="Data.IO.InvalidInputException">When the model file does not exist.</exception>
    public void Validate()
    {
        Catalog.ModelFile.Require(ModelFile, nameof(ModelFile));
        ArgumentNullException.ThrowIfNull(Preprocessing, nameof(Preprocessing));
    }
}
