using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>Stems single words outside a token stream (for the compound dictionary). Thread-safe.</summary>
public sealed class Stemmer
{
    private readonly ThreadLocal<SnowballProgram> _program;

    public Stemmer(string snowballName)
    {
        Name = snowballName;
        _program = new ThreadLocal<SnowballProgram>(() => snowballName switch
        {
            "Dutch" => new DutchStemmer(),
            "Kp" => new KpStemmer(),
            "English" => new EnglishStemmer(),
            _ => throw new ArgumentOutOfRangeException(nameof(snowballName), snowballName, "Unknown Snowball stemmer."),
        });
    }

    public string Name { get; }

    public static string DefaultFor(KnowledgeLanguage language) =>
        language == KnowledgeLanguage.English ? "English" : "Dutch";

    public string Stem(string word)
    {
        var program = _program.Value!;
        program.SetCurrent(word);
        program.Stem();
        var stem = program.Current;
        return Name == "English" ? stem : stem[..DutchPluralFilter.StemmedLength(stem)];
    }
}
