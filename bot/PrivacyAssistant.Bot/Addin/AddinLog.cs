namespace PrivacyAssistant.Bot.Addin;

internal static partial class AddinLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Serving the Outlook add-in from {FilesPath} and its policy ({Bytes} bytes, ETag {ETag})")]
    public static partial void Serving(ILogger logger, string filesPath, int bytes, string etag);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Outlook add-in files not found at {FilesPath}; build them with 'npm run build' in addin/. Only /addin/policy.json is served")]
    public static partial void FilesMissing(ILogger logger, string filesPath);
}
