using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>
/// The comment line of <c>real-words.txt</c> that records which breach-pattern words the list was made for
/// (<see cref="BreachIntentDetector.ToleranceWordsSha256"/>), written by the <c>real-words</c> command. When an officer edits
/// <c>breach-intents.txt</c> and forgets to regenerate the list, the real words one letter from the new pattern words are
/// missing and would be read as typos of them again; comparing the line on load says so. A file without the line (made by
/// hand) is not checked.
/// </summary>
public static class RealWordsStamp
{
    public const string Prefix = "# made for breach-intents.txt typo words: sha256 ";

    /// <summary>The command that regenerates the list, for the warning (the Debian word lists the shipped list was made from).</summary>
    public const string RegenerateCommand =
        "PrivacyAssistant.Bot real-words /usr/share/dict/dutch /usr/share/dict/british-english /usr/share/dict/american-english";

    /// <summary>The line for a list made for patterns whose tolerance words hash to <paramref name="sha256"/>.</summary>
    public static string Line(string sha256) => Prefix + sha256;

    /// <summary>The hash the file records, or null when it has no such line.</summary>
    public static string? Recorded(string? realWordsText)
    {
        foreach (var raw in (realWordsText ?? string.Empty).Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return line[Prefix.Length..].Trim();
            }
        }

        return null;
    }

    /// <summary>
    /// A warning when the file records other patterns than <paramref name="sha256"/> (the loaded patterns'); null when it records
    /// these or nothing. A warning, not a problem: the bot still answers, only the new pattern words lack the false-report protection.
    /// </summary>
    public static KnowledgeProblem? Staleness(string? realWordsText, string sha256) =>
        Recorded(realWordsText) is { } recorded && !string.Equals(recorded, sha256, StringComparison.OrdinalIgnoreCase)
            ? new KnowledgeProblem(
                KnowledgeLoader.RealWordsFile,
                $"made for other typo-tolerant words of {KnowledgeLoader.BreachIntentsFile} than it has now (sha256 {Short(recorded)}, now {Short(sha256)}), "
                + $"so real words one letter from the new pattern words may be read as typos of them. Regenerate its word lines: {RegenerateCommand} (see its header)")
            : null;

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;
}
