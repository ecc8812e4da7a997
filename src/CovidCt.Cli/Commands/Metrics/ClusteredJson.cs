using CovidCt.Cli.Output;
using CovidCt.Metrics;

namespace CovidCt.Cli.Commands;

/// <summary>JSON fields of the clustered statistics (Obuchowski AUC, Rao–Scott proportions, Durkalski McNemar), shared by <c>metrics scores</c> and <c>metrics compare</c>.</summary>
internal static class ClusteredJson
{
    public static void Auc(JsonOutput j, string name, ClusteredAucResult? result, string? undefinedReason)
    {
        var w = j.Writer;
        w.WriteStartObject(name);
        if (result is null)
        {
            w.WriteString("undefined", undefinedReason);
            w.WriteEndObject();
            return;
        }
        j.Number("auc", result.Auc);
        j.Number("variance", result.Variance);
        j.Number("standard_error", result.StandardError);
        j.Number("naive_variance", result.NaiveVariance);
        j.Number("design_effect", result.DesignEffect);
        w.WriteNumber("clusters", result.Clusters);
        j.Interval("plain_ci", result.PlainInterval);
        j.Interval("logit_ci", result.LogitInterval);
        w.WriteNull("undefined");
        w.WriteEndObject();
    }

    public static void Proportion(JsonOutput j, string name, ClusteredProportionResult result)
    {
        var w = j.Writer;
        w.WriteStartObject(name);
        j.Estimate("estimate", result.Proportion);
        j.Interval("naive_ci", result.NaiveInterval);
        j.Number("design_effect", result.DesignEffect);
        j.Number("effective_units", result.EffectiveTrials);
        w.WriteNumber("clusters", result.Clusters);
        if (result.Caveat is { } caveat) w.WriteString("caveat", caveat);
        else w.WriteNull("caveat");
        w.WriteEndObject();
    }

    public static void McNemar(JsonOutput j, string name, ClusteredMcNemarResult result)
    {
        var w = j.Writer;
        w.WriteStartObject(name);
        w.WriteNumber("units", result.Units);
        w.WriteNumber("clusters", result.Clusters);
        w.WriteNumber("only_a_correct", result.OnlyACorrect);
        w.WriteNumber("only_b_correct", result.OnlyBCorrect);
        j.Number("chi_square", result.ChiSquare);
        j.Number("p_value", result.PValue);
        j.Estimate("difference", result.Difference);
        w.WriteEndObject();
    }
}
