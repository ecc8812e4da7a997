namespace CovidCt.Server.Uploads;

/// <summary>An upload refused before or while it is decoded: the HTTP status and a sentence a person can act on.</summary>
internal sealed class UploadRejectedException(int status, string title, string detail) : Exception(detail)
{
    /// <summary>The HTTP status (400 malformed, 413 too large, 415 not a CT form, 422 a CT that cannot be read).</summary>
    public int Status { get; } = status;

    /// <summary>The problem's short title.</summary>
    public string Title { get; } = title;
}
