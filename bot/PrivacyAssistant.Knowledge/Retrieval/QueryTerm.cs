namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>One word of the question as searched.</summary>
/// <param name="Term">The analysed word (stem).</param>
/// <param name="Expansions">Synonyms, compound parts and typo corrections searched with it.</param>
/// <param name="Weight">Its share of the confidence denominator (boosted idf of its best field, or the unknown-word weight).</param>
/// <param name="Known">Whether the knowledge base contains the word (or an expansion).</param>
/// <param name="Corrected">Whether it was matched through typo tolerance.</param>
/// <param name="Everyday">An everyday word (<c>knowledge/everyday-words.txt</c>): in the self score, but matching it earns no confidence.</param>
/// <param name="School">A school word (<c>knowledge/school-words.txt</c>): it counts, but an entry that matches nothing else gets no confidence.</param>
public sealed record QueryTerm(string Term, IReadOnlyList<string> Expansions, double Weight, bool Known, bool Corrected, bool Everyday = false, bool School = false)
{
    /// <summary>Whether matching this word is evidence of a privacy topic (<c>knowledge/school-words.txt</c>).</summary>
    public bool Topical => !Everyday && !School;
}
