using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>
/// Reads and validates the knowledge folder: <c>entries/*.md</c> (YAML front matter + a Dutch and an
/// English answer), <c>synonyms.txt</c>, <c>breach-intents.txt</c>, <c>everyday-words.txt</c> and
/// <c>school-words.txt</c>, <c>stop-words.txt</c>, <c>question-form-words.txt</c>, <c>how-to-phrases.txt</c>, <c>people-words.txt</c>
/// <c>out-of-scope.txt</c> and <c>example-questions.tsv</c> (optional). Every problem is collected
/// and reported together, each naming its file, so an editor can fix them in one pass.
/// </summary>
public static partial class KnowledgeLoader
{
    /// <summary>Fewer phrasings than this make an entry hard to find; the issue asks for at least six.</summary>
    public const int MinimumAlternates = 6;

    public const string EntriesFolder = "entries";
    public const string SynonymsFile = "synonyms.txt";
    public const string BreachIntentsFile = "breach-intents.txt";
    public const string EverydayWordsFile = "everyday-words.txt";
    public const string SchoolWordsFile = "school-words.txt";
    public const string StopWordsFile = "stop-words.txt";
    public const string QuestionFormWordsFile = "question-form-words.txt";
    public const string HowToPhrasesFile = "how-to-phrases.txt";
    public const string PeopleWordsFile = "people-words.txt";
    public const string OutOfScopeFile = "out-of-scope.txt";
    public const string ExampleQuestionsFile = "example-questions.tsv";
    public const string RealWordsFile = "real-words.txt";

    private const string DutchHeading = "# Nederlands";
    private const string EnglishHeading = "# English";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>Loads the folder or throws <see cref="KnowledgeLoadException"/> listing every problem.</summary>
    public static KnowledgeBase Load(string folder, SchoolOptions school)
    {
        var result = TryLoad(folder, school, out var problems);
        return result ?? throw new KnowledgeLoadException(Path.GetFullPath(folder), problems);
    }

    /// <summary>Loads the folder; returns null and the problems when it cannot be used.</summary>
    public static KnowledgeBase? TryLoad(string folder, SchoolOptions school, out IReadOnlyList<KnowledgeProblem> problems)
    {
        var found = new List<KnowledgeProblem>();
        problems = found;
        var root = Path.GetFullPath(folder);
        var entriesFolder = Path.Combine(root, EntriesFolder);
        if (!Directory.Exists(entriesFolder))
        {
            found.Add(new KnowledgeProblem(EntriesFolder, $"the folder does not exist (looked in '{entriesFolder}')"));
            return null;
        }

        var filler = new PlaceholderFiller(school);
        var parsed = new List<(string File, KnowledgeEntry Entry)>();
        foreach (var path in Directory.EnumerateFiles(entriesFolder, "*.md").Order(StringComparer.Ordinal))
        {
            var file = $"{EntriesFolder}/{Path.GetFileName(path)}";
            var entry = ParseEntry(file, Path.GetFileNameWithoutExtension(path), File.ReadAllText(path), filler, found);
            if (entry is not null)
            {
                parsed.Add((file, entry));
            }
        }

        if (parsed.Count == 0 && found.Count == 0)
        {
            found.Add(new KnowledgeProblem(EntriesFolder, "there are no entries (*.md files)"));
        }

        CheckIdsAndRelations(parsed, found);

        var synonyms = ReadOptional(root, SynonymsFile);
        var breachIntents = ReadOptional(root, BreachIntentsFile);
        // Optional like the breach patterns: without it every word of five or more letters keeps the typo tolerance, as before session 15.
        var realWords = ReadOptional(root, RealWordsFile);
        var everydayWords = ReadWordList(root, EverydayWordsFile, found);
        var schoolWords = ReadWordList(root, SchoolWordsFile, found);
        var stopWords = ReadWordList(root, StopWordsFile, found);
        var questionFormWords = ReadWordList(root, QuestionFormWordsFile, found);
        var howToPhrases = ReadRequired(root, HowToPhrasesFile, found) is { } phrases ? HowToPhraseReader.Read(HowToPhrasesFile, phrases, found) : null;
        var peopleWords = ReadWordList(root, PeopleWordsFile, found);
        var outOfScope = ReadRequired(root, OutOfScopeFile, found) is { } topics ? OutOfScopeReader.Read(OutOfScopeFile, topics, found) : null;
        // Optional like the synonyms: without examples the bot decides on the FAQ's words alone, as before session 12.
        var exampleText = ReadOptional(root, ExampleQuestionsFile);
        var examples = ExampleQuestionReader.Read(
            ExampleQuestionsFile, exampleText, parsed.Select(p => p.Entry.Id).ToHashSet(StringComparer.Ordinal), found);
        if (found.Count > 0 || examples is null || everydayWords is null || schoolWords is null || stopWords is null || questionFormWords is null
            || howToPhrases is null || peopleWords is null || outOfScope is null)
        {
            return null;
        }

        return new KnowledgeBase(
            root,
            parsed.Select(p => p.Entry).OrderBy(e => e.Id, StringComparer.Ordinal).ToList(),
            synonyms,
            breachIntents,
            everydayWords,
            schoolWords,
            stopWords,
            questionFormWords,
            outOfScope,
            howToPhrases,
            peopleWords,
            school,
            examples,
            realWords);
    }

    /// <summary>Parses one entry file; adds problems and returns null when it cannot be used.</summary>
    internal static KnowledgeEntry? ParseEntry(
        string file, string fileId, string text, PlaceholderFiller filler, ICollection<KnowledgeProblem> problems)
    {
        void Problem(string message) => problems.Add(new KnowledgeProblem(file, message));

        if (!TrySplitFrontMatter(text, out var yaml, out var body, out var frontMatterLine))
        {
            Problem("bad front matter: the file must start with a line '---', then the YAML fields, then a line '---'");
            return null;
        }

        EntryFrontMatter? front;
        try
        {
            front = Yaml.Deserialize<EntryFrontMatter>(yaml);
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException?.Message ?? ex.Message;
            Problem($"bad front matter at line {ex.Start.Line + frontMatterLine}: {Clean(inner)}");
            return null;
        }

        if (front is null)
        {
            Problem("bad front matter: it is empty");
            return null;
        }

        var id = front.Id?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            Problem("'id' is missing");
        }
        else if (!IdPattern().IsMatch(id))
        {
            Problem($"id '{id}' may only contain lowercase letters, digits and hyphens");
        }
        else if (!string.Equals(id, fileId, StringComparison.Ordinal))
        {
            Problem($"id '{id}' does not match the file name; rename the file to '{id}.md' or change the id to '{fileId}'");
        }

        var unknownPlaceholders = new SortedSet<string>(StringComparer.Ordinal);
        string Fill(string? value, KnowledgeLanguage language) =>
            filler.Fill(value?.Trim() ?? string.Empty, language, unknownPlaceholders);
        List<string> FillAll(IEnumerable<string?>? values, KnowledgeLanguage language) =>
            (values ?? []).Select(v => Fill(v, language)).Where(v => v.Length > 0).ToList();

        var (dutchAnswer, englishAnswer) = SplitAnswers(body, Problem);

        var dutch = new LocalizedContent(
            Fill(front.Title, KnowledgeLanguage.Dutch),
            FillAll(front.Alternates, KnowledgeLanguage.Dutch),
            FillAll(front.Keywords, KnowledgeLanguage.Dutch),
            Fill(dutchAnswer, KnowledgeLanguage.Dutch));
        CheckLanguage(dutch, "", "Dutch", Problem);

        LocalizedContent english;
        if (front.En is null)
        {
            Problem("'en' (the English title, alternates and keywords) is missing");
            english = new LocalizedContent("", [], [], Fill(englishAnswer, KnowledgeLanguage.English));
        }
        else
        {
            english = new LocalizedContent(
                Fill(front.En.Title, KnowledgeLanguage.English),
                FillAll(front.En.Alternates, KnowledgeLanguage.English),
                FillAll(front.En.Keywords, KnowledgeLanguage.English),
                Fill(englishAnswer, KnowledgeLanguage.English));
            CheckLanguage(english, "en.", "English", Problem);
        }

        var sources = new List<EntrySource>();
        foreach (var (source, index) in (front.Sources ?? []).Select((s, i) => (s, i + 1)))
        {
            var title = Fill(source?.Title, KnowledgeLanguage.Dutch);
            var url = Fill(source?.Url, KnowledgeLanguage.Dutch);
            if (title.Length == 0)
            {
                Problem($"source {index} has no 'title'");
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeMailto))
            {
                if (!url.Contains("{{", StringComparison.Ordinal))
                {
                    Problem($"source {index} needs a 'url' that is an absolute http(s) or mailto link (got '{url}')");
                }
            }
            else if (title.Length > 0)
            {
                sources.Add(new EntrySource(title, uri));
            }
        }

        DateOnly? reviewed = null;
        if (!string.IsNullOrWhiteSpace(front.Reviewed))
        {
            if (DateOnly.TryParseExact(front.Reviewed.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                reviewed = date;
            }
            else
            {
                Problem($"'reviewed' must be a date like 2026-11-01 (got '{front.Reviewed}')");
            }
        }

        var actions = (front.Actions ?? []).Select(a => a?.Trim() ?? "").ToList();
        foreach (var action in actions.Where(a => !EntryActions.Known.Contains(a)))
        {
            Problem($"unknown action '{action}'; known actions: {string.Join(", ", EntryActions.Known)}");
        }

        foreach (var name in unknownPlaceholders)
        {
            Problem($"unknown placeholder '{{{{{name}}}}}'; known placeholders: {string.Join(", ", filler.Names)}");
        }

        var related = (front.Related ?? []).Select(r => r?.Trim() ?? "").ToList();
        // An entry with problems is still returned (the folder as a whole is rejected) so that
        // duplicate ids and related ids can be checked across all files in the same pass.
        if (string.IsNullOrEmpty(id) || !IdPattern().IsMatch(id))
        {
            return null;
        }

        return new KnowledgeEntry(id, dutch, english, related, sources, reviewed, actions);
    }

    private static void CheckLanguage(LocalizedContent content, string prefix, string language, Action<string> problem)
    {
        if (content.Title.Length == 0)
        {
            problem($"'{prefix}title' ({language} question) is missing");
        }

        if (content.Alternates.Count < MinimumAlternates)
        {
            problem($"'{prefix}alternates' has {content.Alternates.Count} {language} phrasing(s); at least {MinimumAlternates} are needed");
        }

        var duplicates = content.Alternates
            .GroupBy(a => a, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();
        foreach (var duplicate in duplicates)
        {
            problem($"'{prefix}alternates' lists '{duplicate}' more than once");
        }

        if (content.AnswerMarkdown.Length == 0)
        {
            problem($"the {language} answer is empty (write it under the heading '{(language == "Dutch" ? DutchHeading : EnglishHeading)}')");
        }
    }

    private static (string Dutch, string English) SplitAnswers(string body, Action<string> problem)
    {
        var lines = body.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var dutchAt = lines.FindIndex(l => IsHeading(l, DutchHeading));
        var englishAt = lines.FindIndex(l => IsHeading(l, EnglishHeading));
        if (dutchAt < 0)
        {
            problem($"the heading '{DutchHeading}' is missing (the Dutch answer goes under it)");
        }

        if (englishAt < 0)
        {
            problem($"the heading '{EnglishHeading}' is missing (the English answer goes under it)");
        }

        if (dutchAt < 0 || englishAt < 0)
        {
            return ("", "");
        }

        if (englishAt < dutchAt)
        {
            problem($"'{DutchHeading}' must come before '{EnglishHeading}'");
            return ("", "");
        }

        if (lines.Take(dutchAt).Any(l => l.Trim().Length > 0))
        {
            problem($"there is text before '{DutchHeading}'; it would not be shown to anyone");
        }

        var dutch = string.Join('\n', lines.Skip(dutchAt + 1).Take(englishAt - dutchAt - 1)).Trim();
        var english = string.Join('\n', lines.Skip(englishAt + 1)).Trim();
        return (dutch, english);
    }

    private static bool IsHeading(string line, string heading) =>
        string.Equals(line.Trim(), heading, StringComparison.OrdinalIgnoreCase);

    private static bool TrySplitFrontMatter(string text, out string yaml, out string body, out int firstYamlLine)
    {
        yaml = body = "";
        firstYamlLine = 2;
        var lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count == 0 || lines[0].Trim() != "---")
        {
            return false;
        }

        var end = lines.FindIndex(1, l => l.Trim() == "---");
        if (end < 0)
        {
            return false;
        }

        yaml = string.Join('\n', lines.Skip(1).Take(end - 1));
        body = string.Join('\n', lines.Skip(end + 1));
        return true;
    }

    private static void CheckIdsAndRelations(List<(string File, KnowledgeEntry Entry)> parsed, List<KnowledgeProblem> problems)
    {
        foreach (var group in parsed.GroupBy(p => p.Entry.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var (file, _) in group)
            {
                problems.Add(new KnowledgeProblem(file, $"duplicate id '{group.Key}' (also in {string.Join(", ", group.Select(g => g.File).Where(f => f != file))})"));
            }
        }

        var ids = parsed.Select(p => p.Entry.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (file, entry) in parsed)
        {
            foreach (var related in entry.Related)
            {
                if (related == entry.Id)
                {
                    problems.Add(new KnowledgeProblem(file, "'related' lists the entry itself"));
                }
                else if (!ids.Contains(related))
                {
                    problems.Add(new KnowledgeProblem(file, $"'related' names unknown entry '{related}'"));
                }
            }
        }
    }

    private static string ReadOptional(string root, string name)
    {
        var path = Path.Combine(root, name);
        return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    }

    // Unlike the synonyms and breach patterns, the word lists are required: without one, retrieval
    // would quietly answer questions it has answered "not sure" to until then (or, without the stop
    // words, let filler count as unmatched words and answer "not sure" more often).
    // The out-of-scope topics too: without them, questions about the canteen or a password reset
    // would quietly get "Bedoel je…?" cards again.
    private static WordList? ReadWordList(string root, string name, List<KnowledgeProblem> problems) =>
        ReadRequired(root, name, problems) is { } text ? WordListReader.Read(name, text, problems) : null;

    private static string? ReadRequired(string root, string name, List<KnowledgeProblem> problems)
    {
        var path = Path.Combine(root, name);
        if (!File.Exists(path))
        {
            problems.Add(new KnowledgeProblem(name, $"the file does not exist (looked in '{path}'); retrieval needs it (see docs/knowledge-retrieval.md)"));
            return null;
        }

        return File.ReadAllText(path);
    }

    private static string Clean(string message) => message.ReplaceLineEndings(" ").Trim();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
