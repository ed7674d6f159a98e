namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>
/// Reads <c>example-questions.tsv</c>: <c>#</c> comment lines, empty lines, and one example a line written
/// <c>entry-id&lt;TAB&gt;question</c> or <c>none&lt;TAB&gt;question</c>.
/// </summary>
/// <remarks>
/// Everything that would make an example count for nothing or for the wrong entry is refused with its line: a line
/// without a tab, an empty label or question, a label that is no entry's id (a renamed or removed entry), text that
/// was not UTF-8. The same question under two labels is refused too: it would vote against itself. A label starting with
/// <c>?</c> (<see cref="Unreviewed"/>) is what <c>export-examples</c> writes before the officer has read the line: refused, so
/// a pasted export counts for nothing until each of its lines is checked.
/// </remarks>
public static class ExampleQuestionReader
{
    /// <summary>The label of a question outside privacy.</summary>
    public const string None = "none";

    /// <summary>
    /// Starts the label of a line nobody has reviewed yet: <c>?datalek</c> (the bot's suggestion) or <c>?</c> alone (no
    /// suggestion). Written by <c>export-examples</c>; the file format has no unconfirmed label, so such a line stops the
    /// bot and <c>check-knowledge</c> until the officer writes the label themselves.
    /// </summary>
    public const string Unreviewed = "?";

    /// <summary>Parses <paramref name="text"/>; adds problems (naming <paramref name="file"/> and the line) and returns null when it cannot be used.</summary>
    public static IReadOnlyList<ExampleQuestion>? Read(string file, string text, IReadOnlySet<string> entryIds, ICollection<KnowledgeProblem> problems)
    {
        var before = problems.Count;
        void Problem(int line, string message) => problems.Add(new KnowledgeProblem(file, $"line {line}: {message}"));

        var examples = new List<ExampleQuestion>();
        var labelOf = new Dictionary<string, (string Label, int Line)>(StringComparer.OrdinalIgnoreCase);
        var number = 0;
        foreach (var raw in text.TrimStart('\uFEFF').Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (line.Contains('\uFFFD'))
            {
                Problem(number, "the line has a character that is not UTF-8 text; save the file as UTF-8");
                continue;
            }

            var tab = line.IndexOf('\t');
            if (tab < 0)
            {
                Problem(number, "expected 'entry-id<TAB>question' or 'none<TAB>question' (a tab between the label and the question)");
                continue;
            }

            var label = line[..tab].Trim();
            var question = line[(tab + 1)..].Trim();
            if (label.Length == 0)
            {
                Problem(number, "the label before the tab is empty; write the entry id (an entries/*.md file name) or 'none'");
                continue;
            }

            if (question.Length == 0)
            {
                Problem(number, "the question after the tab is empty");
                continue;
            }

            if (question.Contains('\t'))
            {
                Problem(number, "the line has more than one tab; write 'entry-id<TAB>question'");
                continue;
            }

            if (label.StartsWith(Unreviewed, StringComparison.Ordinal))
            {
                Problem(number, UnreviewedMessage(label[Unreviewed.Length..].Trim()));
                continue;
            }

            var isNone = string.Equals(label, None, StringComparison.Ordinal);
            if (!isNone && !entryIds.Contains(label))
            {
                Problem(number, $"'{label}' is not an entry id (an entries/*.md file name) nor 'none'");
                continue;
            }

            if (labelOf.TryGetValue(question, out var earlier))
            {
                if (earlier.Label != label)
                {
                    Problem(number, $"the question is already on line {earlier.Line} with the label '{earlier.Label}'; keep one label");
                }

                continue;
            }

            labelOf[question] = (label, number);
            examples.Add(new ExampleQuestion(isNone ? null : label, question, number));
        }

        return problems.Count == before ? examples : null;
    }

    private static string UnreviewedMessage(string suggestion) =>
        "this line came from export-examples and is not reviewed yet (its label starts with '?'): read the question and remove anything that identifies a person, then "
        + (suggestion.Length > 0
            ? $"replace '?{suggestion}' by the entry you answered it with ('{suggestion}' was the bot's closest entry) or 'none'"
            : "replace '?' by the entry you answered it with (write the entry first if none covers it yet) or 'none'")
        + ", or delete the line";
}
