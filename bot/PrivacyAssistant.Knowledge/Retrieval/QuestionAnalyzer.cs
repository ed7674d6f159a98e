using Lucene.Net.Analysis;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// A question analysed by both chains of a language with the stages they share run once: the
/// shared stages (char filters, tokenizer, lowercase, folding, stop words, stems) are recorded and
/// replayed into the index chain's tail (compound parts) and the query chain's tail (synonyms), as
/// the index build replays entry texts (<see cref="RecordedTokens"/>). Same tokens, positions and
/// offsets as <c>Index.Analyze</c> and <c>Query.Analyze</c> (checked on every dev question, entry text
/// and mutations of them in <c>QuestionAnalyzerTests</c>); the shared stages were half the work of
/// planning a question (RELIABILITY.md, session 12).
/// </summary>
/// <remarks>
/// One per thread (<see cref="LanguageAnalysis.AnalyzeQuestion"/>): the replay streams, their
/// filters and the buffers are built once and reused, as Lucene reuses an analyzer's components per
/// thread. The lists returned are this object's buffers, valid until the next call on the thread.
/// Nothing is kept from one question to the next (no cache): every call analyses its text.
/// </remarks>
public sealed class QuestionAnalyzer
{
    private readonly Analyzer _shared;
    private readonly TokenReplay _indexReplay = new();
    private readonly TokenReplay _queryReplay = new();
    private readonly TokenStream _indexTail;
    private readonly TokenStream _queryTail;
    private readonly List<RecordedTokens.Token> _recorded = [];
    private readonly List<AnalyzedToken> _words = [];
    private readonly List<AnalyzedToken> _expanded = [];
    private readonly IReadOnlySet<string>? _ruleStarts;

    /// <param name="shared">The language's chain without a tail (no synonyms, no compounds).</param>
    /// <param name="index">The index chain: its tail adds compound parts.</param>
    /// <param name="query">The query chain: its tail adds synonyms.</param>
    /// <param name="ruleStarts">
    /// The first words of the query chain's synonym rules (<see cref="SynonymRules.FirstWords"/>); null
    /// when the query tail is to run on every question.
    /// </param>
    public QuestionAnalyzer(Analyzer shared, KnowledgeAnalyzer index, KnowledgeAnalyzer query, IReadOnlySet<string>? ruleStarts = null)
    {
        _shared = shared;
        _ruleStarts = ruleStarts;
        _indexTail = index.WithTail(_indexReplay);
        _queryTail = query.WithTail(_queryReplay);
    }

    /// <summary>The question as <c>Index.Analyze</c> (<paramref name="words"/>) and <c>Query.Analyze</c> (<paramref name="expanded"/>) give it.</summary>
    public void Analyze(string question, out IReadOnlyList<AnalyzedToken> words, out IReadOnlyList<AnalyzedToken> expanded)
    {
        _recorded.Clear();
        _words.Clear();
        _expanded.Clear();
        RecordedTokens.RecordInto(_shared, question, _recorded, out var finalPositionIncrement, out var finalOffset);
        _indexReplay.Load(_recorded, finalPositionIncrement, finalOffset);
        KnowledgeAnalyzer.Collect(_indexTail, _words, _indexReplay);
        _queryReplay.Load(_recorded, finalPositionIncrement, finalOffset);
        // Most questions have no word that starts a synonym rule; the synonym filter would pass their
        // tokens through as they are, so they are read from the replay itself.
        KnowledgeAnalyzer.Collect(MayStartARule() ? _queryTail : _queryReplay, _expanded, _queryReplay);
        words = _words;
        expanded = _expanded;
    }

    // The synonym filter matches a token lowercased; a token with anything but ASCII lowercase (none
    // here: the chain lowercases and folds) is given to the filter rather than reasoned about.
    private bool MayStartARule()
    {
        if (_ruleStarts is null)
        {
            return true;
        }

        foreach (var token in _recorded)
        {
            if (_ruleStarts.Contains(token.Term) || !IsAsciiLowercase(token.Term))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAsciiLowercase(string term)
    {
        foreach (var c in term)
        {
            if (c > 0x7F || char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
