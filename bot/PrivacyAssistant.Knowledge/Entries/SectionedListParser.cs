using System.Globalization;

namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>
/// The shape the knowledge folder's list files share (word lists, out-of-scope topics, how-to phrases): <c>#</c>
/// comment lines, a section <c>[Nederlands]</c> and a section <c>[English]</c>, and under each lines
/// of items separated by commas. Reports what is wrong with the shape, each problem with its line:
/// section problems, empty items, items the reader refuses, items listed twice in a language, a
/// language without items. What an item may be, and how items group, is the reader's.
/// </summary>
internal static class SectionedListParser
{
    /// <summary>How a reader names its items in the problems it shares with the others.</summary>
    /// <param name="Plural">"words", "topics": what a repeated section's items are moved to.</param>
    /// <param name="BeforeFirstSection">The problem of items above the first section ("words before the first section; put them").</param>
    /// <param name="Empty">The problem of an empty item between commas ("an empty word").</param>
    /// <param name="WhenSectionEmpty">What an empty section means, <c>{0}</c> the language ("an empty list would switch its rule off for {0} questions").</param>
    public sealed record Wording(string Plural, string BeforeFirstSection, string Empty, string WhenSectionEmpty);

    /// <summary>
    /// The problems every reader reports the same way for an item its own pattern refused: text that was
    /// not UTF-8, and a <c>#</c> meant as a comment after an item. Null when neither applies (the reader
    /// then says what else is wrong).
    /// </summary>
    public static string? CommonShapeProblem(string item)
    {
        if (item.Contains('\uFFFD'))
        {
            return $"'{item}' has a character that is not UTF-8 text; save the file as UTF-8";
        }

        return item.Contains('#') ? $"'{item}' contains '#'; a comment goes on a line of its own, starting with '#'" : null;
    }

    /// <summary>
    /// <see cref="Parse"/> for a reader with one list per language: each accepted line's items become
    /// <typeparamref name="T"/>s through <paramref name="itemsOf"/> (items, line number), and each problem is added
    /// to <paramref name="problems"/> naming <paramref name="file"/> and the line. Null when the file had a problem.
    /// </summary>
    public static (IReadOnlyList<T> Dutch, IReadOnlyList<T> English)? Read<T>(
        string file,
        string text,
        Wording wording,
        Func<string, string> normalize,
        Func<string, string?> shapeProblem,
        ICollection<KnowledgeProblem> problems,
        Func<IReadOnlyList<string>, int, IEnumerable<T>> itemsOf)
    {
        var before = problems.Count;
        var lists = new Dictionary<KnowledgeLanguage, List<T>>
        {
            [KnowledgeLanguage.Dutch] = [],
            [KnowledgeLanguage.English] = [],
        };
        Parse(
            text,
            wording,
            normalize,
            shapeProblem,
            (line, message) => problems.Add(new KnowledgeProblem(file, line is null ? message : $"line {line}: {message}")),
            (section, number, items) => lists[section].AddRange(itemsOf(items, number)));
        return problems.Count > before ? null : (lists[KnowledgeLanguage.Dutch], lists[KnowledgeLanguage.English]);
    }

    /// <summary>
    /// Walks <paramref name="text"/> and calls <paramref name="onLine"/> with each line under a valid
    /// section: its language, number and accepted items (trimmed, composed, then
    /// <paramref name="normalize"/>d; without the empty ones, those <paramref name="shapeProblem"/>
    /// refuses and those listed before in the language, each reported). <paramref name="problem"/> gets
    /// the line, or null for a problem of the whole file.
    /// </summary>
    public static void Parse(
        string text,
        Wording wording,
        Func<string, string> normalize,
        Func<string, string?> shapeProblem,
        Action<int?, string> problem,
        Action<KnowledgeLanguage, int, IReadOnlyList<string>> onLine)
    {
        var sectionLines = new Dictionary<KnowledgeLanguage, int>();
        var firstLine = new Dictionary<KnowledgeLanguage, Dictionary<string, int>>
        {
            [KnowledgeLanguage.Dutch] = new(StringComparer.OrdinalIgnoreCase),
            [KnowledgeLanguage.English] = new(StringComparer.OrdinalIgnoreCase),
        };
        KnowledgeLanguage? section = null;
        var headed = false;
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var number = index + 1;
            var line = lines[index].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                headed = true;
                section = WordListReader.SectionOf(line);
                if (section is null)
                {
                    problem(number, $"unknown section '{line}'; the sections are {WordListReader.DutchSection} and {WordListReader.EnglishSection}");
                }
                else if (sectionLines.TryGetValue(section.Value, out var earlier))
                {
                    problem(number, $"the section {line} is already on line {earlier}; keep one and move its {wording.Plural} there");
                    section = null;
                }
                else
                {
                    sectionLines[section.Value] = number;
                }

                continue;
            }

            if (section is null)
            {
                if (!headed)
                {
                    problem(number, $"{wording.BeforeFirstSection} under {WordListReader.DutchSection} or {WordListReader.EnglishSection}");
                }

                // Under a broken section header: that header is already reported.
                continue;
            }

            var items = new List<string>();
            var parts = line.Split(',');
            for (var i = 0; i < parts.Length; i++)
            {
                // Composed form: an editor that saves "ë" as "e" plus a combining mark means the same word.
                var item = normalize(parts[i].Trim().Normalize());
                if (item.Length == 0)
                {
                    // A comma at the end of a line is fine (lines read like the list they continue).
                    if (i < parts.Length - 1)
                    {
                        problem(number, $"{wording.Empty} (a comma at the start of the line or two commas in a row)");
                    }

                    continue;
                }

                var shape = shapeProblem(item);
                if (shape is not null)
                {
                    problem(number, shape);
                }
                else if (firstLine[section.Value].TryGetValue(item, out var first))
                {
                    problem(number, $"'{item}' is already listed under {WordListReader.Name(section.Value)} (line {first})");
                }
                else
                {
                    firstLine[section.Value][item] = number;
                    items.Add(item);
                }
            }

            if (items.Count > 0)
            {
                onLine(section.Value, number, items);
            }
        }

        foreach (var (language, items) in firstLine.Where(pair => pair.Value.Count == 0))
        {
            var name = WordListReader.Name(language);
            problem(null, sectionLines.ContainsKey(language)
                ? $"the section {name} has no {wording.Plural}; {string.Format(CultureInfo.InvariantCulture, wording.WhenSectionEmpty, language)}"
                : $"the section {name} is missing; write it with the {language} {wording.Plural} under it");
        }
    }
}
