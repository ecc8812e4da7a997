namespace CovidCt.Server.Uploads;

/// <summary>A multipart upload read into its request folder: the one CT file and the text fields beside it.</summary>
/// <param name="FilePath">Where the CT file was written, inside the request folder.</param>
/// <param name="Kind">What its first bytes say it is.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Fields">The text fields by name (a name may repeat, as <c>model</c> does for two models).</param>
internal sealed record UploadForm(string FilePath, UploadKind Kind, long Bytes, IReadOnlyDictionary<string, IReadOnlyList<string>> Fields)
{
    /// <summary>The single value of field <paramref name="name"/>, or null when absent.</summary>
    /// <exception cref="UploadRejectedException">When it is given more than once.</exception>
    public string? Single(string name)
    {
        if (!Fields.TryGetValue(name, out var values)) return null;
        return values.Count == 1 ? values[0]
            : throw new UploadRejectedException(400, "Field given twice", $"the form field '{name}' was given {values.Count} times; give it once");
    }
}
