using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Markdig;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// The in-memory Lucene index of the knowledge base: one document per entry with a title,
/// alternates, keywords and answer field per language, scored with BM25. Built once at start-up;
/// the searcher and analyzers are shared by all requests (both are thread-safe).
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private static readonly KnowledgeLanguage[] Languages = [KnowledgeLanguage.Dutch, KnowledgeLanguage.English];

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly string[] _entryIds;
    private readonly Dictionary<KnowledgeLanguage, LanguageAnalysis> _analysis;
    private readonly Dictionary<(KnowledgeLanguage, string), string> _phrasings = [];
    private readonly Dictionary<(KnowledgeLanguage, KnowledgeField), FuzzyTermMatcher> _fuzzy = [];
    private readonly TermFrequencies _frequencies;
    private readonly Dictionary<(string Field, string Term), TermContext> _termStates = [];
    private readonly PostingsScorer _postings;

    public KnowledgeIndex(KnowledgeBase knowledge, RetrievalSettings? settings = null)
    {
        Knowledge = knowledge;
        Settings = settings ?? RetrievalSettings.Default;
        // Each entry's texts per language, the answer as plain text (Markdig) computed once.
        var texts = new Dictionary<KnowledgeLanguage, EntryTexts[]>
        {
            [KnowledgeLanguage.Dutch] = knowledge.Entries.Select(e => EntryTexts.Of(e, KnowledgeLanguage.Dutch)).ToArray(),
            [KnowledgeLanguage.English] = knowledge.Entries.Select(e => EntryTexts.Of(e, KnowledgeLanguage.English)).ToArray(),
        };
        var stopWords = StopWords.From(knowledge.StopWords);
        StopWords = stopWords;
        // The two languages share nothing, so they are analysed side by side (start-up time).
        var english = Task.Run(() => BuildAnalysis(KnowledgeLanguage.English, texts[KnowledgeLanguage.English], knowledge, stopWords, Settings));
        (LanguageAnalysis Analysis, IReadOnlyDictionary<string, RecordedTokens> Recorded) dutch;
        try
        {
            dutch = BuildAnalysis(KnowledgeLanguage.Dutch, texts[KnowledgeLanguage.Dutch], knowledge, stopWords, Settings);
        }
        catch
        {
            english.ContinueWith(t => t.Result.Analysis.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
            throw;
        }

        (LanguageAnalysis Analysis, IReadOnlyDictionary<string, RecordedTokens> Recorded) englishResult;
        try
        {
            englishResult = english.GetAwaiter().GetResult();
        }
        catch
        {
            dutch.Analysis.Dispose();
            throw;
        }

        _analysis = new()
        {
            [KnowledgeLanguage.Dutch] = dutch.Analysis,
            [KnowledgeLanguage.English] = englishResult.Analysis,
        };
        var recorded = new Dictionary<KnowledgeLanguage, IReadOnlyDictionary<string, RecordedTokens>>
        {
            [KnowledgeLanguage.Dutch] = dutch.Recorded,
            [KnowledgeLanguage.English] = englishResult.Recorded,
        };

        var similarity = new EntryIdfSimilarity(Settings.K1, Settings.B);
        Similarity = similarity;
        _directory = new RAMDirectory();
        var fieldAnalyzers = new Dictionary<string, Analyzer>();
        foreach (var language in _analysis.Keys)
        {
            foreach (var field in KnowledgeFieldNames.All)
            {
                fieldAnalyzers[KnowledgeFieldNames.Name(language, field)] = _analysis[language].Index;
            }

            fieldAnalyzers[KnowledgeFieldNames.AllName(language)] = _analysis[language].Index;
        }

        using (var perField = new PerFieldAnalyzerWrapper(_analysis[KnowledgeLanguage.Dutch].Index, fieldAnalyzers))
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(KnowledgeAnalyzer.Version, perField) { Similarity = Similarity }))
        {
            for (var i = 0; i < knowledge.Entries.Count; i++)
            {
                writer.AddDocument(ToDocument(knowledge.Entries[i], [.. Languages.Select(l => (_analysis[l], recorded[l], texts[l][i]))]));
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _frequencies = new TermFrequencies(_reader);
        similarity.Use(_reader, _frequencies);
        Searcher = new IndexSearcher(_reader) { Similarity = Similarity };
        // Every phrasing (title or alternate) as its set of analysed words: asking a known phrasing,
        // in any word order or inflection, is the strongest evidence there is. A set shared by two
        // entries says nothing and is dropped.
        var ambiguous = new HashSet<(KnowledgeLanguage, string)>();
        foreach (var entry in knowledge.Entries)
        {
            foreach (var language in _analysis.Keys)
            {
                var content = entry.In(language);
                foreach (var phrasing in content.Alternates.Prepend(content.Title))
                {
                    // The recorded tokens are the index chain's words without the stacked compound parts.
                    var key = (language, PhrasingKey(recorded[language][phrasing].WordTerms));
                    if (key.Item2.Length == 0 || ambiguous.Contains(key))
                    {
                        continue;
                    }

                    if (_phrasings.TryGetValue(key, out var other) && other != entry.Id)
                    {
                        _phrasings.Remove(key);
                        ambiguous.Add(key);
                    }
                    else
                    {
                        _phrasings[key] = entry.Id;
                    }
                }
            }
        }

        foreach (var language in _analysis.Keys)
        {
            foreach (var field in KnowledgeFieldNames.All)
            {
                _fuzzy[(language, field)] = FuzzyTermMatcher.ForField(_reader, KnowledgeFieldNames.Name(language, field));
            }
        }

        // Where each term of the searched fields lives in each segment, found once: a TermQuery
        // given its TermContext skips the term-dictionary seek that otherwise starts every search
        // (a sixth of a turn's CPU). The states are only read (copied) by searches, so sharing is safe.
        var top = _reader.Context;
        foreach (var leaf in _reader.Leaves)
        {
            foreach (var language in _analysis.Keys)
            {
                foreach (var field in KnowledgeFieldNames.All)
                {
                    var name = KnowledgeFieldNames.Name(language, field);
                    var terms = leaf.AtomicReader.GetTerms(name);
                    if (terms is null)
                    {
                        continue;
                    }

                    var iterator = terms.GetEnumerator();
                    while (iterator.MoveNext())
                    {
                        var key = (name, iterator.Term.Utf8ToString());
                        if (!_termStates.TryGetValue(key, out var context))
                        {
                            _termStates[key] = context = new TermContext(top);
                        }

                        context.Register(iterator.GetTermState(), leaf.Ord, iterator.DocFreq, iterator.TotalTermFreq);
                    }
                }
            }
        }

        _postings = new PostingsScorer(Searcher, similarity, _analysis.Keys.SelectMany(l => KnowledgeFieldNames.All.Select(f => KnowledgeFieldNames.Name(l, f))));

        _entryIds = new string[_reader.MaxDoc];
        for (var doc = 0; doc < _reader.MaxDoc; doc++)
        {
            _entryIds[doc] = _reader.Document(doc).Get(KnowledgeFieldNames.Id);
        }
    }


    public KnowledgeBase Knowledge { get; }

    public RetrievalSettings Settings { get; }

    /// <summary>Lucene's Snowball lists plus <c>stop-words.txt</c>, as both languages' analyzers remove them (built once per index).</summary>
    public StopWords StopWords { get; }

    public IndexSearcher Searcher { get; }

    public Similarity Similarity { get; }

    public int DocumentCount => _reader.NumDocs;

    /// <summary>One more than the highest document number a search can return (Lucene's MaxDoc; the same as <see cref="DocumentCount"/> for this index, which never deletes).</summary>
    internal int DocumentSlots => _reader.MaxDoc;

    public LanguageAnalysis Analysis(KnowledgeLanguage language) => _analysis[language];

    public string EntryId(int doc) => _entryIds[doc];

    /// <summary>The terms of one field, for typo corrections (<see cref="FuzzyTermMatcher"/>).</summary>
    public FuzzyTermMatcher Terms(KnowledgeLanguage language, KnowledgeField field) => _fuzzy[(language, field)];

    /// <summary>
    /// A query for <paramref name="term"/> in one field, with the term's index position already
    /// resolved; null when the field does not contain the term (such a query could match nothing).
    /// </summary>
    public TermQuery? TermQuery(KnowledgeLanguage language, KnowledgeField field, string term)
    {
        var name = KnowledgeFieldNames.Name(language, field);
        return _termStates.TryGetValue((name, term), out var context) ? new TermQuery(new Term(name, term), context) : null;
    }

    /// <summary>
    /// Every entry <paramref name="clause"/> matches, with the score Lucene gives its query
    /// (<see cref="ToQuery"/>), bit for bit, in no particular order; Lucene searches only when the
    /// postings cannot (<see cref="PostingsScorer"/>).
    /// </summary>
    public List<(int Doc, float Score)> Search(KnowledgeLanguage language, QueryClause clause)
    {
        var hits = new List<(int Doc, float Score)>();
        Search(language, clause, hits);
        return hits;
    }

    /// <summary>As <see cref="Search(KnowledgeLanguage, QueryClause)"/>, into <paramref name="hits"/> (cleared first): retrieval reuses one list for all of a question's clauses.</summary>
    internal void Search(KnowledgeLanguage language, QueryClause clause, List<(int Doc, float Score)> hits)
    {
        hits.Clear();
        if (!_postings.TryScore(language, clause, hits))
        {
            foreach (var hit in Searcher.Search(ToQuery(language, clause), DocumentCount).ScoreDocs)
            {
                hits.Add((hit.Doc, hit.Score));
            }
        }
    }

    /// <summary>Whether the field contains <paramref name="term"/> (a term it lacks can match nothing in it).</summary>
    public bool Contains(KnowledgeLanguage language, KnowledgeField field, string term) =>
        _termStates.ContainsKey((KnowledgeFieldNames.Name(language, field), term));

    /// <summary><paramref name="clause"/> as the Lucene query it stands for: boosted term queries under a DisjunctionMax.</summary>
    public DisjunctionMaxQuery ToQuery(KnowledgeLanguage language, QueryClause clause)
    {
        var disjuncts = new List<Query>(clause.Disjuncts.Count);
        foreach (var disjunct in clause.Disjuncts)
        {
            var query = TermQuery(language, disjunct.Field, disjunct.Term)
                ?? throw new ArgumentException($"The field {disjunct.Field} does not contain a term of the clause.", nameof(clause));
            query.Boost = disjunct.Boost;
            disjuncts.Add(query);
        }

        return new DisjunctionMaxQuery(disjuncts, clause.TieBreaker);
    }

    /// <summary>
    /// How many entries contain <paramref name="term"/>, per field (indexed by <see cref="KnowledgeField"/>) and in
    /// any field of the language (slot <see cref="TermFrequencies.AnyField"/>), from one lookup (retrieval reads
    /// them several times per word). Read only.
    /// </summary>
    internal int[] TermCounts(KnowledgeLanguage language, string term) => _frequencies.Counts(language, term);

    /// <summary>The entry one of whose phrasings consists of exactly <paramref name="words"/> (analysed, any order), if any.</summary>
    public string? EntryWithPhrasing(KnowledgeLanguage language, IEnumerable<string> words) =>
        _phrasings.GetValueOrDefault((language, PhrasingKey(words)));

    /// <summary>As <see cref="EntryWithPhrasing(KnowledgeLanguage, IEnumerable{string})"/> for a question's planned words (retrieval asks it for every search).</summary>
    internal string? EntryWithPhrasing(KnowledgeLanguage language, List<QueryTerm> terms)
    {
        var words = new string[terms.Count];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = terms[i].Term;
        }

        return _phrasings.GetValueOrDefault((language, PhrasingKey(words)));
    }

    private static string PhrasingKey(IEnumerable<string> words) => PhrasingKey(words.ToArray());

    // The distinct words in ordinal order, joined by spaces (what Distinct().Order() gave): sorted in
    // place, then equal neighbours dropped (ordinal equality is identity of the text, so which copy stays does not matter).
    private static string PhrasingKey(string[] words)
    {
        Array.Sort(words, StringComparer.Ordinal);
        var distinct = 0;
        for (var i = 0; i < words.Length; i++)
        {
            if (distinct == 0 || !string.Equals(words[distinct - 1], words[i], StringComparison.Ordinal))
            {
                words[distinct++] = words[i];
            }
        }

        return string.Join(' ', words, 0, distinct);
    }

    /// <summary>BM25's idf, as Lucene computes it, for a term in one field.</summary>
    public double Idf(int docFreq) => Math.Log(1 + ((DocumentCount - docFreq + 0.5) / (docFreq + 0.5)));

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        foreach (var analysis in _analysis.Values)
        {
            analysis.Dispose();
        }
    }

    /// <summary>The answer as the index sees it: Markdown markup removed.</summary>
    public static string PlainAnswer(string markdown) => Markdown.ToPlainText(markdown);

    private static (LanguageAnalysis Analysis, IReadOnlyDictionary<string, RecordedTokens> Recorded) BuildAnalysis(
        KnowledgeLanguage language, EntryTexts[] texts, KnowledgeBase knowledge, StopWords stopWords, RetrievalSettings settings)
    {
        var analysis = LanguageAnalysis.Build(
            language, texts.SelectMany(t => t.All), knowledge.Synonyms, knowledge.EverydayWords, knowledge.SchoolWords, stopWords, settings, out var recorded);
        return (analysis, recorded);
    }

    private static Document ToDocument(KnowledgeEntry entry, (LanguageAnalysis Analysis, IReadOnlyDictionary<string, RecordedTokens> Recorded, EntryTexts Texts)[] languages)
    {
        var document = new Document { new StringField(KnowledgeFieldNames.Id, entry.Id, Field.Store.YES) };
        foreach (var (analysis, recorded, texts) in languages)
        {
            var language = analysis.Language;
            TextField Field(string name, string text) => new(name, analysis.IndexTokens(recorded[text]));

            document.Add(Field(KnowledgeFieldNames.Name(language, KnowledgeField.Title), texts.Title));
            foreach (var alternate in texts.Alternates)
            {
                document.Add(Field(KnowledgeFieldNames.Name(language, KnowledgeField.Alternates), alternate));
            }

            foreach (var keyword in texts.Keywords)
            {
                document.Add(Field(KnowledgeFieldNames.Name(language, KnowledgeField.Keywords), keyword));
            }

            document.Add(Field(KnowledgeFieldNames.Name(language, KnowledgeField.Answer), texts.Answer));
            foreach (var text in texts.All)
            {
                document.Add(Field(KnowledgeFieldNames.AllName(language), text));
            }
        }

        return document;
    }

    /// <summary>The texts of one entry in one language as the index sees them.</summary>
    private sealed record EntryTexts(string Title, string Answer, IReadOnlyList<string> Alternates, IReadOnlyList<string> Keywords)
    {
        /// <summary>Title, answer, alternates, keywords: the order of the catch-all field and the vocabulary.</summary>
        public IEnumerable<string> All => new[] { Title, Answer }.Concat(Alternates).Concat(Keywords);

        public static EntryTexts Of(KnowledgeEntry entry, KnowledgeLanguage language)
        {
            var content = entry.In(language);
            return new EntryTexts(content.Title, PlainAnswer(content.AnswerMarkdown), content.Alternates, content.Keywords);
        }
    }
}
