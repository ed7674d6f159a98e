namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>One phrase of <c>how-to-phrases.txt</c>: words that show a question asks how to operate something or says it does not work.</summary>
/// <param name="Text">The phrase as written, for messages and explanations.</param>
/// <param name="Words">The words to compare, folded and without apostrophes; <see cref="AnyWord"/> stands for any one word.</param>
/// <param name="Opening">Whether the phrase must open the message (written with a leading <c>^</c>).</param>
/// <param name="Line">The line in the file.</param>
public sealed record HowToPhrase(string Text, IReadOnlyList<string> Words, bool Opening, int Line)
{
    /// <summary>The word that stands for any one word of the question.</summary>
    public const string AnyWord = "*";
}
