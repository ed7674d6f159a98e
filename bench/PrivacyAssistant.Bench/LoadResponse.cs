namespace PrivacyAssistant.Bench;

/// <summary>
/// One request as the load generator saw it: the HTTP status (0 when the connection failed) and how
/// many body bytes it read (the whole body, so a client that stops early cannot look faster).
/// </summary>
public readonly record struct LoadResponse(int StatusCode, long BodyBytes)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public static LoadResponse ConnectionFailed => new(0, 0);
}
