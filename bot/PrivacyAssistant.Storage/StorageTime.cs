namespace PrivacyAssistant.Storage;

/// <summary>
/// Timestamps are stored as UTC Unix epoch milliseconds (<c>BIGINT</c>/<c>INTEGER</c>) on both
/// providers, so the same SQL compares and sorts them and no time zone is ever guessed.
/// </summary>
public static class StorageTime
{
    public static long ToUnixMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static long? ToUnixMs(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset? FromUnixMs(long? value) => value is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
