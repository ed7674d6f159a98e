using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// Emits the parts of a compound after the compound itself, at the same position, so that
/// <c>leerlingdossier</c> matches <c>leerling dossier</c> and the other way round.
/// </summary>
public sealed class DecompoundFilter : TokenFilter
{
    private readonly CompoundSplitter _splitter;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly Queue<string> _pending = new();
    private State? _state;

    public DecompoundFilter(TokenStream input, CompoundSplitter splitter)
        : base(input)
    {
        _splitter = splitter;
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending.Count > 0 && _state is not null)
        {
            RestoreState(_state);
            _term.SetEmpty().Append(_pending.Dequeue());
            _position.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        foreach (var part in _splitter.Split(_term.ToString()))
        {
            _pending.Enqueue(part);
        }

        _state = _pending.Count > 0 ? CaptureState() : null;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _state = null;
    }
}
