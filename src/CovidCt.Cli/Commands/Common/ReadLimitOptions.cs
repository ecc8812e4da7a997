using System.CommandLine;
using System.Globalization;
using CovidCt.Data;

namespace CovidCt.Cli.Commands;

/// <summary>
/// --max-slice-pixels and --max-voxels: the read limits (<see cref="InputLimits"/>) of every command that reads a CT, which a
/// study larger than the defaults raises; the limit errors name these options.
/// </summary>
internal sealed class ReadLimitOptions
{
    public Option<string?> MaxSlicePixels { get; } = new("--max-slice-pixels")
    {
        Description = $"Largest slice read, in pixels (rows x columns), checked from headers before anything is allocated. Default {InputLimits.DefaultMaxSlicePixels:N0} (16384 x 16384); at most {InputLimits.HighestMaxSlicePixels:N0}.",
    };

    public Option<string?> MaxVoxels { get; } = new("--max-voxels")
    {
        Description = $"Largest volume read, in voxels, checked from headers before anything is allocated. Default {InputLimits.DefaultMaxVoxels:N0} (2 GiB as float); at most {InputLimits.HighestMaxVoxels:N0}.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(MaxSlicePixels);
        command.Options.Add(MaxVoxels);
    }

    /// <summary>The limits given, the defaults for those not given.</summary>
    /// <exception cref="UsageException">When a value is not a whole number or lies outside the range <see cref="InputLimits"/> accepts.</exception>
    public InputLimits Read(ParseResult parse)
    {
        var limits = InputLimits.Default;
        if (Value(parse, MaxSlicePixels) is { } pixels) limits = Within(MaxSlicePixels, () => limits with { MaxSlicePixels = pixels });
        if (Value(parse, MaxVoxels) is { } voxels) limits = Within(MaxVoxels, () => limits with { MaxVoxels = voxels });
        return limits;
    }

    private static long? Value(ParseResult parse, Option<string?> option)
    {
        if (parse.GetValue(option) is not { } text) return null;
        return long.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) ? value
            : throw new UsageException($"{option.Name} must be a whole number of {(option.Name == "--max-voxels" ? "voxels" : "pixels")}; got '{text}'");
    }

    // InputLimits owns the allowed range; its refusal is reworded to name the option.
    private static InputLimits Within(Option option, Func<InputLimits> limits)
    {
        try
        {
            return limits();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException($"{option.Name}: {e.Message.Split(" (Parameter")[0]}");
        }
    }
}
