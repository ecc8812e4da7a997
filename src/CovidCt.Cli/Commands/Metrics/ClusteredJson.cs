using CovidCt.Cli.Output;
using CovidCt.Metrics;

namespace CovidCt.Cli.Commands;

/// <summary>
/// JSON fields of the clustered statistics (Obuchowski AUC, Rao–Scott proportions, Durkalski McNemar), shared by <c>metrics scores</c>
/// and <c>metrics compare</c>. The names follow docs/metrics.md "JSON conventions", the same as <c>evaluate</c>'s metrics.json:
/// <c>ci_clustered</c> beside <c>ci_naive</c>, never a bare <c>ci</c> where both exist.
/// </summary>
internal static class ClusteredJson
{
    /// <summary>The clustered AUC with <c>ci_clustered</c> (Obuchowski), <c>ci_logit</c> (Obuchowski on the logit scale) and <c>ci_naive</c> (DeLong's <paramref name="naive"/>).</summary>
    public static void Auc(JsonOutput j, string name, ClusteredAucResult? result, string? undefinedReason, ConfidenceInterval? naive)
    {
        var w = j.Writer;
        w.WriteStartObject(name);
        if (result is null)
        {
            j.Interval("ci_naive", naive);
            w.WriteString("undefined", undefinedReason);
            w.WriteEndObject();
            return;
        }
        j.Number("auc", result.Auc);
        j.Interval("ci_clustered", result.PlainInterval);
        j.Interval("ci_logit", result.LogitInterval);
        j.Interval("ci_naive", naive);
        j.Number("variance", result.Variance);
        j.Number("standard_error", result.StandardError);
        j.Number("naive_variance", result.NaiveVariance);
        j.Number("design_effect", result.DesignEffect);
        w.WriteNumber("clusters", result.Clusters);
        w.WriteNull("undefined");
        w.WriteEndObject();
    }

    /// <summary>A clustered proportion in the shape of metrics.json's: numerator, denominator, value, <c>ci_clustered</c>, <c>ci_naive</c>, design effect, undefined, caveat.</summary>
    public static void Proportion(JsonOutput j, string name, ClusteredProportionResult result)
    {
        var w = j.Writer;
        w.WriteStartObject(name);
        var p = result.Proportion;
        j.Number("numerator", p.Numerator);
        j.Number("denominator", p.Denominator);
        j.Number("value", p.Value);
        j.Interval("ci_clustered", p.Interval);
        j.Interval("ci_naive", result.NaiveInterval);
        j.Number("design_effect", result.DesignEffect);
        j.Number("effective_units", result.EffectiveTrials);
        w.WriteNumber("clusters", result.Clusters);
        w.WriteString("undefined", p.UndefinedReason);
        w.WriteString("caveat", result.Caveat);
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
