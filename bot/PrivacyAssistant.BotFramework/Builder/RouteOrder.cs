namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>Suggested orders for <see cref="IMessageHandler"/>s; lower runs first, the first match handles the message.</summary>
public static class RouteOrder
{
    /// <summary>Exact commands such as <c>help</c>.</summary>
    public const int Commands = 100;

    /// <summary>Recognised intents such as reporting a breach.</summary>
    public const int Intents = 500;

    /// <summary>Ordinary handlers.</summary>
    public const int Default = 1000;

    /// <summary>Handlers that take any text, such as answering from the knowledge base.</summary>
    public const int CatchAll = 10_000;
}
