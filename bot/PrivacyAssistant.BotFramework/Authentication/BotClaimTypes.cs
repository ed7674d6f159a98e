namespace PrivacyAssistant.BotFramework.Authentication;

/// <summary>Claim names in Bot Framework and Entra ID tokens.</summary>
public static class BotClaimTypes
{
    /// <summary>Service URL the Bot Connector token was issued for.</summary>
    public const string ServiceUrl = "serviceurl";

    /// <summary>Calling app in Entra ID v1 tokens.</summary>
    public const string AppId = "appid";

    /// <summary>Calling app in Entra ID v2 tokens.</summary>
    public const string AuthorizedParty = "azp";

    /// <summary>Token version: <c>1.0</c> or <c>2.0</c>.</summary>
    public const string Version = "ver";
}
