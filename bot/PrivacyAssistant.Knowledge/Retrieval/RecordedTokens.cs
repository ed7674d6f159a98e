using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// One text run once through a language's chain up to compound splitting (char filters, tokenizer,
/// lowercase, folding, stop words, stems), kept so the index build can replay the same tokens into
/// the vocabulary, every field that holds the text and the phrasing keys instead of analysing the
/// text again for each. The analysis chain was most of the index build, which runs at every start-up.
/// </summary>
/// <remarks>
/// A replay carries everything the indexer and the compound filters read: term, position increment,
/// offsets, type, and the end-of-stream state (final offset and the position increment left by
/// trailing stop words, which moves the next value of a multi-valued field).
/// </remarks>
public sealed class RecordedTokens
{
    private RecordedTokens(Token[] tokens, int finalPositionIncrement, int finalOffset)
    {
        Tokens = tokens;
        FinalPositionIncrement = finalPositionIncrement;
        FinalOffset = finalOffset;
    }

    public IReadOnlyList<Token> Tokens { get; }

    public int FinalPositionIncrement { get; }

    public int FinalOffset { get; }

    /// <summary>The terms that start a word (not stacked on the previous one).</summary>
    public IEnumerable<string> WordTerms => Tokens.Where(t => t.PositionIncrement != 0).Select(t => t.Term);

    public static RecordedTokens Record(Analyzer analyzer, string text)
    {
        var tokens = new List<Token>();
        RecordInto(analyzer, text, tokens, out var finalPositionIncrement, out var finalOffset);
        return new RecordedTokens([.. tokens], finalPositionIncrement, finalOffset);
    }

    /// <summary>Runs <paramref name="analyzer"/> over <paramref name="text"/> and appends its tokens to <paramref name="tokens"/> (a buffer the caller may reuse).</summary>
    public static void RecordInto(Analyzer analyzer, string text, List<Token> tokens, out int finalPositionIncrement, out int finalOffset)
    {
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new Token(term.ToString(), increment.PositionIncrement, offset.StartOffset, offset.EndOffset, type.Type));
        }

        stream.End();
        finalPositionIncrement = increment.PositionIncrement;
        finalOffset = offset.EndOffset;
    }

    /// <summary>A fresh stream of the recorded tokens (one consumer each; compound filters go on top).</summary>
    public TokenStream Replay()
    {
        var replay = new TokenReplay();
        replay.Load(Tokens, FinalPositionIncrement, FinalOffset);
        return replay;
    }

    public readonly record struct Token(string Term, int PositionIncrement, int StartOffset, int EndOffset, string Type);
}
