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

        // The term as it stands (no string unless the splitter has to split an unknown word).
        var parts = _splitter.Split(_term.Buffer.AsSpan(0, _term.Length));
        for (var i = 0; i < parts.Count; i++)
        {
            _pending.Enqueue(parts[i]);
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
