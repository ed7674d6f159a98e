using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// The topics of <c>out-of-scope.txt</c> as the index analyses them, and how much of a question the
/// best of them explains: the same measure as an entry's confidence (the question's word weights
/// that the topic contains ÷ the question's self score, everyday words earning nothing), so the two
/// can be compared directly, and how much of what the best entry matched the topic leaves
/// unexplained (<c>OutOfScopeRule</c>).
/// </summary>
/// <remarks>
/// Matching reuses the words and weights retrieval already computed for the question: a dictionary
/// lookup per word and an add per topic containing it, no search. A typo-corrected word matches by
/// what was typed only (its corrections are knowledge-base words).
/// </remarks>
public sealed class OutOfScopeMatcher
{
    private readonly Dictionary<KnowledgeLanguage, Topics> _byLanguage = [];

    public OutOfScopeMatcher(OutOfScopeList list, KnowledgeIndex index)
    {
        var problems = new List<KnowledgeProblem>();
        foreach (var language in new[] { KnowledgeLanguage.Dutch, KnowledgeLanguage.English })
        {
            var analysis = index.Analysis(language);
            var other = language == KnowledgeLanguage.English ? KnowledgeLanguage.Dutch : KnowledgeLanguage.English;
            // Its own topics first, then the other language's analysed with this language's chain, for
            // questions that give no sign of their language and are searched in both.
            var topics = list.For(language).Select(t => (Topic: t, Own: true))
                .Concat(list.For(other).Select(t => (Topic: t, Own: false)))
                .ToList();
            var byTerm = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < topics.Count; i++)
            {
                var (topic, own) = topics[i];
                var terms = new HashSet<string>(StringComparer.Ordinal);
                foreach (var phrase in topic.Phrases)
                {
                    var tokens = analysis.Index.Analyze(phrase);
                    var words = tokens.Where(t => !t.Stacked).Select(t => t.Term).ToList();
                    if (own && words.Count == 0)
                    {
                        problems.Add(new KnowledgeProblem(list.File,
                            $"line {topic.Line}: '{phrase}' has only stop words in {language}: questions are never searched for them, so it does nothing; remove it or add the word that names the topic"));
                    }
                    else if (own && index.EntryWithPhrasing(language, words) is { } entry)
                    {
                        problems.Add(new KnowledgeProblem(list.File,
                            $"line {topic.Line}: '{phrase}' is a phrasing of the entry '{entry}' (title or alternate, same words): a privacy question cannot be out of scope; remove it"));
                    }

                    terms.UnionWith(tokens.Select(t => t.Term));
                }

                foreach (var term in terms)
                {
                    if (!byTerm.TryGetValue(term, out var containing))
                    {
                        byTerm[term] = containing = [];
                    }

                    containing.Add(i);
                }
            }

            _byLanguage[language] = new Topics([.. topics.Select(t => t.Topic)], topics.Count(t => t.Own), byTerm);
        }

        Problems = problems;
    }

    /// <summary>Phrases that analyse to nothing or are an entry's phrasing, by file and line; the engine refuses the folder when there are any.</summary>
    public IReadOnlyList<KnowledgeProblem> Problems { get; }

    /// <summary>
    /// The topic that explains the largest share of the question <paramref name="result"/> searched
    /// (ties: the earlier line), or null when no topic shares a word with it. Only the language's
    /// own topics unless <paramref name="bothLanguages"/> (the question gave no sign of its language).
    /// <paramref name="best"/> is the entry the topic competes with (default: the result's top).
    /// </summary>
    public OutOfScopeMatch? Match(RetrievalResult result, bool bothLanguages = false, RankedCandidate? best = null)
    {
        best ??= result.Top;
        var topics = _byLanguage[result.Language];
        var terms = result.Terms;
        var selfScore = 0.0;
        for (var i = 0; i < terms.Count; i++)
        {
            selfScore += terms[i].Weight;
        }

        if (!(selfScore > 0))
        {
            return null;
        }

        var count = bothLanguages ? topics.All.Length : topics.Own;
        double[]? explained = null;
        var seen = new HashSet<int>();
        var found = new List<int>[terms.Count];
        for (var t = 0; t < terms.Count; t++)
        {
            var term = terms[t];
            if (term.Everyday)
            {
                continue; // no evidence of any topic, as for the entries
            }

            seen.Clear();
            Collect(topics, term.Term, count, seen);
            if (!term.Corrected)
            {
                foreach (var expansion in term.Expansions)
                {
                    Collect(topics, expansion, count, seen);
                }
            }

            foreach (var topic in seen)
            {
                explained ??= new double[count];
                explained[topic] += term.Weight;
            }

            found[t] = [.. seen];
        }

        if (explained is null)
        {
            return null;
        }

        var winner = 0;
        for (var i = 1; i < explained.Length; i++)
        {
            if (explained[i] > explained[winner])
            {
                winner = i;
            }
        }

        // Of the words the entry matched (its evidence, each at full weight), the share the topic does
        // not contain; everyday and school words are no evidence of a privacy question either way
        // ("add" in "how do I add a shared calendar" is not what makes the entry plausible).
        var unexplained = 0.0;
        var evidence = 0.0;
        for (var t = 0; t < terms.Count; t++)
        {
            if (best is not null && terms[t].Topical && best.Matches(t))
            {
                evidence += terms[t].Weight;
                if (!found[t].Contains(winner))
                {
                    unexplained += terms[t].Weight;
                }
            }
        }

        return new OutOfScopeMatch(topics.All[winner], explained[winner] / selfScore, evidence > 0 ? unexplained / evidence : 0);
    }

    private static void Collect(Topics topics, string term, int count, HashSet<int> seen)
    {
        if (topics.ByTerm.TryGetValue(term, out var containing))
        {
            foreach (var topic in containing)
            {
                if (topic < count)
                {
                    seen.Add(topic);
                }
            }
        }
    }

    /// <param name="All">The language's own topics, then the other language's.</param>
    /// <param name="Own">How many of <paramref name="All"/> are the language's own.</param>
    /// <param name="ByTerm">Analysed term → the topics (indexes into <paramref name="All"/>, ascending) containing it.</param>
    private sealed record Topics(OutOfScopeTopic[] All, int Own, Dictionary<string, List<int>> ByTerm);
}
