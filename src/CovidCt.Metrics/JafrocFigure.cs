namespace CovidCt.Metrics;

/// <summary>Which JAFROC figure of merit (Chakraborty and Berbaum 2004; Chakraborty 2017, chapter 13).</summary>
public enum JafrocFigure
{
    /// <summary>
    /// The weighted AFROC (wAFROC) figure of merit, the method's current recommendation: every diseased case counts once,
    /// its lesions sharing it by weight, so a case with many lesions does not outweigh one with few.
    /// </summary>
    WeightedAfroc,

    /// <summary>The AFROC figure of merit (the original JAFROC FOM): every lesion counts once.</summary>
    Afroc,
}
