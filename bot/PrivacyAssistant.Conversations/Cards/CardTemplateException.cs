namespace PrivacyAssistant.Conversations.Cards;

/// <summary>A card template or string table is broken (syntax error, unknown function, missing card).</summary>
public sealed class CardTemplateException(string message) : Exception(message);
