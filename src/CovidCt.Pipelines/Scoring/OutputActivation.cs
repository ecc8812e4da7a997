namespace CovidCt.Pipelines.Scoring;

/// <summary>What turns the model's output into probabilities.</summary>
public enum OutputActivation
{
    /// <summary>The output already is a probability in [0, 1] (the model ends in its own sigmoid).</summary>
    None,

    /// <summary>The output is logits: 1 / (1 + e^-x) makes them probabilities (a model exported without its final sigmoid).</summary>
    Sigmoid,
}
