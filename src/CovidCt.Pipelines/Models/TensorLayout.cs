namespace CovidCt.Pipelines.Models;

/// <summary>How a model's image tensor orders its axes.</summary>
public enum TensorLayout
{
    /// <summary>[batch, channels, height, width]: PyTorch exports, the platform's own models.</summary>
    Nchw,

    /// <summary>[batch, height, width, channels]: Keras/TensorFlow exports such as the study's 512 x 512 x 3 UNet++.</summary>
    Nhwc,
}
