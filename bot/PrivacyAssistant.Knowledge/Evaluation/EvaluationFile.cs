namespace PrivacyAssistant.Knowledge.Evaluation;

/// <summary>
/// Reads <c>expected-id&lt;TAB&gt;question</c> files. Empty lines and lines starting with <c>#</c>
/// are skipped, and so is a header line <c>expected&lt;TAB&gt;question</c>.
/// </summary>
public static class EvaluationFile
{
    public static IReadOnlyList<EvaluationCase> Read(string path) => Parse(File.ReadAllLines(path), path);

    public static IReadOnlyList<EvaluationCase> Parse(IEnumerable<string> lines, string name = "input")
    {
        var cases = new List<EvaluationCase>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t');
            if (tab <= 0 || tab == line.Length - 1)
            {
                throw new FormatException($"{name}:{number}: expected 'expected-id<TAB>question'.");
            }

            var expected = line[..tab].Trim();
            var question = line[(tab + 1)..].Trim();
            if (cases.Count == 0 && expected.Equals("expected", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            cases.Add(new EvaluationCase(number, expected, question));
        }

        return cases;
    }
}
