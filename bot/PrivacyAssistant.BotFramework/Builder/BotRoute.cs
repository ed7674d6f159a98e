namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>A registered route: what it matches and which handler type serves it (a singleton, resolved once).</summary>
/// <param name="Kind">What kind of route.</param>
/// <param name="Key">Verb, invoke name or activity type; null for message handlers.</param>
/// <param name="Order">Order of message handlers.</param>
/// <param name="HandlerType">The handler's type, registered as a singleton.</param>
public sealed record BotRoute(BotRouteKind Kind, string? Key, int Order, Type HandlerType);

/// <summary>Kinds of <see cref="BotRoute"/>.</summary>
public enum BotRouteKind
{
    /// <summary><see cref="IMessageHandler"/>.</summary>
    Message,

    /// <summary><see cref="ICardActionHandler"/>.</summary>
    CardAction,

    /// <summary><see cref="IInvokeHandler"/>.</summary>
    Invoke,

    /// <summary><see cref="IMembersAddedHandler"/>.</summary>
    MembersAdded,

    /// <summary><see cref="IActivityHandler"/>.</summary>
    Activity,
}
