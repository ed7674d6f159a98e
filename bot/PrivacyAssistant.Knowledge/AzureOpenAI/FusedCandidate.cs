namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>An entry ranked by reciprocal rank fusion of the lexical and the vector ranking.</summary>
/// <param name="EntryId">The entry.</param>
/// <param name="Score">Σ 1 / (k + rank) over the rankings that contain the entry.</param>
/// <param name="LexicalConfidence">The lexical confidence (0 when the lexical search did not rank it).</param>
/// <param name="Similarity">Cosine similarity of question and entry vectors.</param>
public sealed record FusedCandidate(string EntryId, double Score, double LexicalConfidence, double Similarity);
