namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>What the bot does with a question.</summary>
public enum AnswerDecision
{
    /// <summary>One entry fits well: show it.</summary>
    Answer,

    /// <summary>Two entries fit about equally: ask "Bedoel je…?".</summary>
    Clarify,

    /// <summary>Nothing fits well enough: say so honestly and offer the privacy desk.</summary>
    None,

    /// <summary>The user reports a (possible) data breach: offer the breach report.</summary>
    Breach,
}

public static class AnswerDecisionNames
{
    /// <summary>The lowercase name used in channelData, the CLI and evaluation files.</summary>
    /// <remarks>Constants for the named values: every reply and every counted question asks for one, and
    /// <c>ToString().ToLowerInvariant()</c> made two strings per call.</remarks>
    public static string ToWire(this AnswerDecision decision) => decision switch
    {
        AnswerDecision.Answer => "answer",
        AnswerDecision.Clarify => "clarify",
        AnswerDecision.None => "none",
        AnswerDecision.Breach => "breach",
        _ => decision.ToString().ToLowerInvariant(),
    };
}
