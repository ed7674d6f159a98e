using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// Fixes Dutch forms the Snowball stemmer leaves apart: plurals in a vowel + <c>s</c>
/// (<c>fotos</c>, <c>videos</c>, <c>agendas</c>) and diminutives in <c>-je</c>/<c>-jes</c>
/// (<c>plaatje</c>, <c>plaatjes</c>, <c>stickje</c>) and plurals with a doubled consonant
/// (<c>bronnen</c>, <c>klassen</c>), so they meet the plain word's stem.
/// </summary>
/// <remarks>
/// Runs after stemming and on index and query alike, so a non-plural that happens to match
/// (<c>virus</c> → <c>viru</c>) is changed the same way on both sides and still matches itself.
/// <c>-es</c> is left alone (<c>adres</c>).
/// </remarks>
public sealed class DutchPluralFilter(TokenStream input) : TokenFilter(input)
{
    private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();
    private readonly IKeywordAttribute _keyword = input.AddAttribute<IKeywordAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_keyword.IsKeyword)
        {
            return true;
        }

        _term.Length = StemmedLength(_term.Buffer.AsSpan(0, _term.Length));
        return true;
    }

    /// <summary>The length of <paramref name="stem"/> once the plural ending is removed.</summary>
    public static int StemmedLength(ReadOnlySpan<char> stem)
    {
        var length = stem.Length;
        if (length >= 6 && stem.EndsWith("jes"))
        {
            return length - 3; // plaatjes → plaat
        }

        if (length >= 5 && stem[^1] == 'j' && stem[^2] is not ('i' or 'e'))
        {
            return length - 1; // plaatje (Snowball: plaatj) → plaat, stickje → stick; not partij, vrij
        }

        if (length >= 5 && stem[^1] == 's' && stem[^2] is 'a' or 'o' or 'u' or 'i' or 'y')
        {
            return length - 1; // fotos → foto
        }

        if (length >= 4 && stem[^1] == stem[^2] && stem[^1] is 'n' or 'm' or 'l' or 's' or 'p' or 'r' or 'f' or 'g' or 'b')
        {
            return length - 1; // bronnen (Snowball: bronn) → bron, klassen → klas; Snowball only undoubles k, d, t
        }

        return length;
    }
}
