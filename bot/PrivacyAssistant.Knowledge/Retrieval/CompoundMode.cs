namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>How Dutch compounds are split (kept selectable so the choice can be measured).</summary>
public enum CompoundMode
{
    /// <summary>No decompounding.</summary>
    None,

    /// <summary><see cref="CompoundSplitter"/>: complete decompositions into known stems (default).</summary>
    Splitter,

    /// <summary>Lucene's DictionaryCompoundWordTokenFilter: every known word inside the token.</summary>
    LuceneDictionary,
}
