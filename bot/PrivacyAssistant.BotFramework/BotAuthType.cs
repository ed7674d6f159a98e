namespace PrivacyAssistant.BotFramework;

/// <summary>How the bot proves its identity to the Bot Connector (the Azure Bot registration's "type").</summary>
public enum BotAuthType
{
    /// <summary>Multi-tenant app registration with a secret or certificate (deprecated for new bots).</summary>
    MultiTenant,

    /// <summary>Single-tenant app registration with a secret or certificate.</summary>
    SingleTenant,

    /// <summary>A user-assigned managed identity whose client id is the app id.</summary>
    UserAssignedMSI,
}
