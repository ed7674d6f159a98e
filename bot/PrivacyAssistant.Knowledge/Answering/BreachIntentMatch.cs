namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>The breach-intent pattern a message matched.</summary>
public sealed record BreachIntentMatch(int Line, string Pattern);
