using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>
/// Handles invoke activities by name (other than <c>adaptiveCard/action</c>, which goes to
/// <see cref="ICardActionHandler"/>s). Register with <c>services.AddInvokeHandler&lt;T&gt;("name")</c>.
/// Unregistered names get 501.
/// </summary>
public interface IInvokeHandler
{
    /// <summary>Handles the invoke and returns its HTTP answer.</summary>
    Task<InvokeResponse> HandleAsync(ITurnContext turn, CancellationToken cancellationToken);
}
