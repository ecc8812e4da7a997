namespace CovidCt.Pipelines.PostProcessing;

/// <summary>Which part of the valid area lesions are looked for in.</summary>
public enum ValidAreaRegion
{
    /// <summary>The smallest rectangle holding the lung fields, as in the study (default).</summary>
    Rectangle,

    /// <summary>The lung-field mask itself.</summary>
    Mask,

    /// <summary>The whole image: no valid-area step.</summary>
    WholeImage,
}

/// <summary>The classical HU lung segmentation that stands in for the study's valid-area model.</summary>
public sealed class ValidAreaOptions
{
    /// <summary>Where probabilities are kept (default <see cref="ValidAreaRegion.Rectangle"/>); outside it they are zeroed.</summary>
    public ValidAreaRegion Region { get; set; } = ValidAreaRegion.Rectangle;

    /// <summary>Pixels below this HU are air-like candidates (default -320). Scanner padding (-2048, -3024) is below it and is removed with the outside air because it touches the border.</summary>
    public double AirThresholdHu { get; set; } = -320;

    /// <summary>How many of the largest enclosed air components are kept as lung fields (default 2).</summary>
    public int LungComponents { get; set; } = 2;

    /// <summary>Smallest lung component, as a fraction of the slice's pixels (default 0.002, about 520 pixels at 512 x 512); smaller air pockets (bowel gas, trachea near the neck) are ignored.</summary>
    public double MinLungFraction { get; set; } = 0.002;

    /// <summary>
    /// A second ONNX model that segments the lung fields (the study's first UNet++), used instead of the HU segmentation when set
    /// (default null). It takes the same kind of input as a lesion model; its output, thresholded at
    /// <see cref="SegmentationThreshold"/>, is the lung mask. The threshold and closing options above do not apply to it.
    /// </summary>
    public string? SegmentationModelPath { get; set; }

    /// <summary>Probability at or above which the segmentation model's pixel is lung (default 0.5).</summary>
    public double SegmentationThreshold { get; set; } = 0.5;

    /// <summary>
    /// Air touching the image border is kept as a lung candidate when at least this fraction of its pixels lies inside the body's
    /// convex outline, the convex hull of every pixel that is not air (default 0.5; 0 = only air enclosed by the body). On a slice
    /// cropped tightly round the chest the lungs touch the border, and removing that air would remove the lesions in it; they lie
    /// between the chest wall and the mediastinum, inside the outline, whichever way the slice is turned. Outside air, the gap
    /// under the table and scanner padding lie round the body, mostly outside it, so they are still removed.
    /// </summary>
    public double BorderLungInsideBody { get; set; } = 0.5;

    /// <summary>Radius in pixels of the square closing that smooths the lung border and takes in juxtapleural lesions (default 2; 0 = none).</summary>
    public int ClosingRadius { get; set; } = 2;

    /// <summary>A shallow copy, for changing some options without changing these (<see cref="Sweeps.SweepSetting.ApplyTo"/>): a property added later is copied too.</summary>
    internal ValidAreaOptions Copy() => (ValidAreaOptions)MemberwiseClone();

    /// <summary>Checks the options once, when a pipeline is built.</summary>
    /// <exception cref="ArgumentException">When a count, fraction, radius or threshold is out of range.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Region)) throw new ArgumentException($"valid-area region {Region} is not one of Rectangle, Mask, WholeImage", nameof(Region));
        if (!double.IsFinite(AirThresholdHu)) throw new ArgumentException($"the air threshold is {AirThresholdHu} HU; expected a finite number", nameof(AirThresholdHu));
        if (LungComponents < 1) throw new ArgumentException($"lung components is {LungComponents}; expected at least 1", nameof(LungComponents));
        if (!(MinLungFraction >= 0 && MinLungFraction < 1)) throw new ArgumentException($"the minimum lung fraction is {MinLungFraction}; expected a fraction in [0, 1)", nameof(MinLungFraction));
        if (!(BorderLungInsideBody >= 0 && BorderLungInsideBody <= 1)) throw new ArgumentException($"the border lung fraction inside the body is {BorderLungInsideBody}; expected a fraction in [0, 1]", nameof(BorderLungInsideBody));
        if (ClosingRadius < 0) throw new ArgumentException($"the closing radius is {ClosingRadius}; expected 0 or more pixels", nameof(ClosingRadius));
        if (!(SegmentationThreshold > 0 && SegmentationThreshold <= 1)) throw new ArgumentException($"the segmentation threshold is {SegmentationThreshold}; expected a probability in (0, 1]", nameof(SegmentationThreshold));
    }
}
