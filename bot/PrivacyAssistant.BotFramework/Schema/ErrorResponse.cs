namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>Bot Framework error body: <c>{"error":{"code":…,"message":…}}</c>.</summary>
public sealed class ErrorResponse
{
    /// <summary>The error.</summary>
    public ErrorDetail? Error { get; set; }
}

/// <summary>Code and message of an <see cref="ErrorResponse"/>.</summary>
public sealed class ErrorDetail
{
    /// <summary>Machine-readable code, e.g. <c>BadArgument</c> or Teams' <c>MessageWritesBlocked</c>.</summary>
    public string? Code { get; set; }

    /// <summary>Human-readable message.</summary>
    public string? Message { get; set; }
}
