namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>Why a generated reply was or was not used.</summary>
public enum GroundedReplyCheck
{
    Accepted,

    /// <summary>Not JSON of the expected shape.</summary>
    Malformed,

    /// <summary>The model said the entries do not answer the question.</summary>
    NotInKnowledgeBase,

    /// <summary>No citation, or a citation of an entry it was not given.</summary>
    UnknownCitation,

    /// <summary>A link that is not in the cited entries.</summary>
    UnknownLink,
}
