namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// One term out of an analysis chain. A value, not an object: a question's two analyses made some twenty of them per
/// language searched, each an allocation (RELIABILITY.md, session 15).
/// </summary>
/// <param name="Term">The indexed form (lowercase, folded, stemmed).</param>
/// <param name="Position">Word position in the text; stacked terms share the position of their word.</param>
/// <param name="Stacked">True for a synonym or compound part added at the same position.</param>
/// <param name="Synonym">True when the term came from the synonyms file.</param>
/// <param name="StartOffset">Where the word the term came from starts in the text.</param>
public readonly record struct AnalyzedToken(string Term, int Position, bool Stacked, bool Synonym, int StartOffset);
