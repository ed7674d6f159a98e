using System.Buffers;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// The words of <see cref="TextNormalizer.Words"/> as spans of the folded text, for the hot paths that only look words up:
/// no string array and no string per word. Use with <c>foreach</c>.
/// </summary>
public ref struct FoldedWords
{
    private static readonly SearchValues<char> Separators = SearchValues.Create(TextNormalizer.WordSeparators);

    private ReadOnlySpan<char> _rest;

    /// <param name="folded">A text already folded by <see cref="TextNormalizer.Fold"/>.</param>
    public FoldedWords(ReadOnlySpan<char> folded)
    {
        _rest = folded;
        Current = default;
    }

    /// <summary>The length of the folded text, for sizing a list of its words.</summary>
    public readonly int TextLength => _rest.Length;

    public ReadOnlySpan<char> Current { get; private set; }

    public readonly FoldedWords GetEnumerator() => this;

    public bool MoveNext()
    {
        while (!_rest.IsEmpty)
        {
            var end = _rest.IndexOfAny(Separators);
            Current = end < 0 ? _rest : _rest[..end];
            _rest = end < 0 ? [] : _rest[(end + 1)..];
            if (!Current.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }
}
