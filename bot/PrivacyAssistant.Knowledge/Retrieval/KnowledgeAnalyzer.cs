using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// The analysis chain for one language: apostrophes and "e-mail" normalised, Unicode word
/// tokens, lowercase, accents folded, stop words removed, Snowball stems, then (queries only)
/// synonyms, then (Dutch) compound parts stacked on the compound. Synonyms come after stemming so a
/// rule for <c>laptop</c> also fires for <c>laptops</c>; the synonym file is parsed with the same
/// stemming (<see cref="ForSynonymRules"/>).
/// </summary>
public sealed class KnowledgeAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Text replaced before tokenising (longest match first), as Lucene's MappingCharFilter would.</summary>
    internal static readonly IReadOnlyList<KeyValuePair<string, string>> CharMappings = BuildCharMappings();

    /// <summary>The first characters of <see cref="CharMappings"/>, so the filter skips text no mapping can start in.</summary>
    private static readonly System.Buffers.SearchValues<char> CharMappingStarts = TextMappingCharFilter.FirstCharacters(CharMappings);

    internal static readonly System.Text.RegularExpressions.Regex CaseChange = new("(\\p{Ll})(\\p{Lu})", System.Text.RegularExpressions.RegexOptions.Compiled);

    private readonly string _stemmer;
    private readonly CharArraySet? _stopWords;
    private readonly SynonymMap? _synonyms;
    private readonly CompoundSplitter? _splitter;
    private readonly CharArraySet? _compoundDictionary;

    public KnowledgeAnalyzer(
        KnowledgeLanguage language,
        string stemmer,
        CharArraySet? stopWords,
        SynonymMap? synonyms = null,
        CompoundSplitter? splitter = null,
        CharArraySet? compoundDictionary = null)
    {
        Language = language;
        _stemmer = stemmer;
        _stopWords = stopWords;
        _synonyms = synonyms;
        _splitter = splitter;
        _compoundDictionary = compoundDictionary;
    }

    public KnowledgeLanguage Language { get; }

    /// <summary>The chain used to read synonym rules: no stop words, synonyms or compounds (the parser rejects stacked tokens).</summary>
    public static KnowledgeAnalyzer ForSynonymRules(KnowledgeLanguage language, string stemmer) =>
        new(language, stemmer, stopWords: null);

    /// <summary>Runs the chain over <paramref name="text"/> and returns the terms with their positions.</summary>
    public IReadOnlyList<AnalyzedToken> Analyze(string text, string field = "text")
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = GetTokenStream(field, text);
        Collect(stream, tokens, recorded: null);
        return tokens;
    }

    /// <summary>
    /// Reads <paramref name="stream"/> (reset, consumed, ended) into <paramref name="tokens"/>. A term
    /// equal to the one <paramref name="recorded"/> last played is that string, not a new copy.
    /// </summary>
    internal static void Collect(TokenStream stream, List<AnalyzedToken> tokens, TokenReplay? recorded)
    {
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        var type = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ITypeAttribute>();
        var offset = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            var stacked = increment.PositionIncrement == 0;
            position += Math.Max(increment.PositionIncrement, stacked && position < 0 ? 1 : 0);
            var text = recorded?.Played is { } played && term.Buffer.AsSpan(0, term.Length).SequenceEqual(played) ? played : term.ToString();
            tokens.Add(new AnalyzedToken(text, position, stacked, type.Type == SynonymFilter.TYPE_SYNONYM, offset.StartOffset));
        }

        stream.End();
    }

    // camelCase and glued words are split ("meldpuntAVG@..." → "meldpunt AVG", "OneDrive" → "One Drive"),
    // on both sides, so the parts can match and the compound splitter can rejoin them.
    // TextMappingCharFilter and TextPatternReplaceCharFilter rather than Lucene's MappingCharFilter and
    // PatternReplaceCharFilter: the same text and offsets without a 16 KB read buffer and four copies
    // of the text per analysed text (RELIABILITY.md, session 7).
    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        new TextPatternReplaceCharFilter(CaseChange, "$1 $2", new TextMappingCharFilter(CharMappings, CharMappingStarts, reader));

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        if (_stopWords is not null)
        {
            stream = new StopFilter(Version, stream, _stopWords);
        }

        stream = new SnowballFilter(stream, _stemmer);
        if (Language == KnowledgeLanguage.Dutch)
        {
            stream = new DutchPluralFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, WithTail(stream));
    }

    /// <summary>
    /// The stages after the ones every chain of a language shares (char filters to stems): synonyms
    /// (query chain), then compound parts (index chain). A question runs the shared stages once and
    /// replays their tokens into the tail of each chain (<see cref="QuestionAnalyzer"/>).
    /// </summary>
    public TokenStream WithTail(TokenStream stream)
    {
        if (_synonyms is not null)
        {
            stream = new SynonymFilter(stream, _synonyms, ignoreCase: true);
        }

        return WithCompoundParts(stream);
    }

    /// <summary>
    /// The last stage of the chain: compound parts stacked on the compound (when this analyzer splits
    /// compounds). The index build puts it on top of recorded tokens (<see cref="RecordedTokens"/>).
    /// </summary>
    public TokenStream WithCompoundParts(TokenStream stream)
    {
        if (_splitter is not null)
        {
            return new DecompoundFilter(stream, _splitter);
        }

        if (_compoundDictionary is not null)
        {
            return new DictionaryCompoundWordTokenFilter(Version, stream, _compoundDictionary, 7, CompoundSplitter.MinimumPartLength, 20, onlyLongestMatch: true);
        }

        return stream;
    }

    private static List<KeyValuePair<string, string>> BuildCharMappings()
    {
        var mappings = new List<KeyValuePair<string, string>>
        {
            // "foto's" → "foto", "student's" → "student"; other apostrophes go: "don't" → "dont".
            new("'s", ""),
            new("’s", ""),
            new("'", ""),
            new("’", ""),
            new("‘", ""),
        };
        // The tokenizer would split "e-mail" into "e" + "mail"; keep the word whole.
        foreach (var spelling in new[] { "e-mail", "E-mail", "E-Mail", "e-Mail" })
        {
            mappings.Add(new(spelling, "email"));
        }

        return mappings;
    }
}
