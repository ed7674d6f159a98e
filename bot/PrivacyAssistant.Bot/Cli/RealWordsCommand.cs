using System.CommandLine;

namespace PrivacyAssistant.Bot.Cli;

/// <summary>
/// <c>real-words</c>: the words of dictionary word lists that the breach patterns' typo tolerance would read as a pattern word
/// they are not (<see cref="Knowledge.Answering.BreachIntentDetector.TypoNeighbours"/>), one per line, sorted: the contents of
/// <c>knowledge/real-words.txt</c> after the patterns change, after the line that records which patterns they are for
/// (<see cref="Knowledge.Answering.RealWordsStamp"/>). Lines with a capital first letter (names), an apostrophe, a space
/// or a hyphen are skipped. No message text is involved.
/// </summary>
public static class RealWordsCommand
{
    public static Command Create()
    {
        var lists = new Argument<FileInfo[]>("word-lists")
        {
            Description = "Word lists, one word per line (e.g. /usr/share/dict/dutch, /usr/share/dict/british-english, /usr/share/dict/american-english from the Debian packages wdutch, wbritish, wamerican).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command(
            "real-words",
            "Prints the words of the given word lists that the breach patterns' typo tolerance maps onto a pattern word they do not match as written: "
            + "the list for knowledge/real-words.txt, after a first line recording the patterns it is for (replace the file from that line on; keep the header comment above it). Exits 1 when a list cannot be read or the knowledge folder does not load.")
        {
            lists,
        };
        command.SetAction(parse => KnowledgeCli.WithKnowledge(parse, (engine, output, error) =>
        {
            var words = new List<string>();
            foreach (var list in parse.GetValue(lists) ?? [])
            {
                if (!list.Exists)
                {
                    error.WriteLine($"real-words: '{list.FullName}' does not exist");
                    return 1;
                }

                words.AddRange(File.ReadLines(list.FullName).Where(IsPlainWord));
            }

            // First the line that records which patterns the list is for, so loading it later notices an edit of the patterns.
            output.WriteLine(Knowledge.Answering.RealWordsStamp.Line(engine.BreachIntents.ToleranceWordsSha256));
            foreach (var word in engine.BreachIntents.TypoNeighbours(words).Order(StringComparer.Ordinal))
            {
                output.WriteLine(word);
            }

            return 0;
        }));
        return command;
    }

    // Lowercase dictionary entries only: capitalised ones are names, and possessives or phrases are not words a message splits into.
    private static bool IsPlainWord(string line) =>
        line.Length > 0 && char.IsLower(line[0]) && !line.Contains('\'') && !line.Contains(' ') && !line.Contains('-');
}
