using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// A token stream that plays back recorded tokens (<see cref="RecordedTokens.Token"/>) with
/// everything the later stages of the chain read: term, position increment, offsets, type, and the
/// end-of-stream state. It can be loaded again with other tokens, so a question's replay stages are
/// built once per thread and reused (<see cref="QuestionAnalyzer"/>).
/// </summary>
public sealed class TokenReplay : TokenStream
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private IReadOnlyList<RecordedTokens.Token> _tokens = [];
    private int _finalPositionIncrement;
    private int _finalOffset;
    private int _next;

    public TokenReplay()
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    /// <summary>Plays <paramref name="tokens"/> from the next <see cref="Reset"/> on (the list is read, not copied).</summary>
    public void Load(IReadOnlyList<RecordedTokens.Token> tokens, int finalPositionIncrement, int finalOffset)
    {
        _tokens = tokens;
        _finalPositionIncrement = finalPositionIncrement;
        _finalOffset = finalOffset;
        _next = 0;
        Played = null;
    }

    /// <summary>The term of the token played last (null before the first): a reader can keep this string rather than copy an equal term.</summary>
    public string? Played { get; private set; }

    public override bool IncrementToken()
    {
        if (_next >= _tokens.Count)
        {
            return false;
        }

        var token = _tokens[_next++];
        Played = token.Term;
        ClearAttributes();
        _term.SetEmpty().Append(token.Term);
        _increment.PositionIncrement = token.PositionIncrement;
        _offset.SetOffset(token.StartOffset, token.EndOffset);
        _type.Type = token.Type;
        return true;
    }

    public override void End()
    {
        base.End();
        _increment.PositionIncrement = _finalPositionIncrement;
        _offset.SetOffset(_finalOffset, _finalOffset);
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
        Played = null;
    }
}
