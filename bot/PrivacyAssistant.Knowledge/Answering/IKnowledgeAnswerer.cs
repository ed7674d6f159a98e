using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>Decides what to do with a staff member's question.</summary>
public interface IKnowledgeAnswerer
{
    /// <param name="question">The message text as typed.</param>
    /// <param name="preferredLanguage">The user's locale language, if known; English is also chosen when the question is clearly English.</param>
    /// <param name="explain">Include per-word score breakdowns (admin CLI).</param>
    KnowledgeAnswer Ask(string question, KnowledgeLanguage? preferredLanguage = null, bool explain = false);
}
