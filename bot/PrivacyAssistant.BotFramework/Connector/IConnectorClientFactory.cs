namespace PrivacyAssistant.BotFramework.Connector;

/// <summary>Creates connector clients for a service URL (from an incoming activity or a stored conversation reference).</summary>
public interface IConnectorClientFactory
{
    /// <summary>A client for <paramref name="serviceUrl"/>; throws <see cref="ArgumentException"/> if it is not an absolute http(s) URL.</summary>
    IConnectorClient Create(string serviceUrl);
}
