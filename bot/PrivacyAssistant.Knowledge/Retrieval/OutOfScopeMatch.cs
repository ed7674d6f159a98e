using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>The out-of-scope topic that explains most of a question.</summary>
/// <param name="Topic">The topic (its line of <c>out-of-scope.txt</c>).</param>
/// <param name="Coverage">The share of the question it explains, comparable with an entry's confidence.</param>
/// <param name="Unexplained">
/// Of the topical words the best entry matches (each at its full weight; everyday and school words are
/// no evidence), the share the topic does not contain, in [0, 1]: the evidence for a privacy reading that the topic cannot account for
/// ("persoonsgegevens" in "valt een rooster met namen onder persoonsgegevens"). 0 when no entry matched.
/// </param>
public sealed record OutOfScopeMatch(OutOfScopeTopic Topic, double Coverage, double Unexplained);
