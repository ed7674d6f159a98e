using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PrivacyAssistant.Knowledge;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Bench;

/// <summary>
/// How the knowledge engine's cost grows with the knowledge base: load (parse + validate) and index
/// build time, managed memory of the built engine, and answer latency over the test set, for the
/// shipped <c>knowledge/</c> folder and synthetic bases of N entries (copies of the shipped entries
/// under new ids, related links kept within each copy, a distinct word per copy in the title).
/// </summary>
public static partial class RetrievalBenchmark
{
    public static int Run(BenchOptions options)
    {
        var runs = options.RunsGiven ? options.Runs : 3;
        var shipped = Path.Combine(Repository.Root, "knowledge");
        var questions = Workload.FromTestSet().Questions;
        Console.WriteLine($"# Retrieval: {questions.Count} test-set questions, median of {runs} builds, {Environment.ProcessorCount} cores");
        // The example questions (session 12) are asked only for unsure decisions; the row without them is the cost before,
        // measured in the same process right before (an interleaved pair on a shared machine).
        var rows = new List<string> { Measure("shipped, examples off", shipped, questions, runs, ExamplesOff), Measure("shipped", shipped, questions, runs) };
        foreach (var size in options.Sizes)
        {
            var folder = Synthesize(shipped, size);
            try
            {
                rows.Add(Measure($"synthetic {size}", folder, questions, runs));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| knowledge base | entries | load (parse + validate) ms | index build ms | managed memory of the engine MB | questions/s (1 thread) | p50 ms | p99 ms | KB allocated per question |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static void ExamplesOff(KnowledgeOptions options)
    {
        options.ExamplesAnswerSupport = 0;
        options.ExamplesNoneSupport = 0;
        options.ExamplesCardSupport = 0;
        options.ExamplesRescueSupport = 0;
    }

    private static string Measure(string name, string folder, IReadOnlyList<string> questions, int runs, Action<KnowledgeOptions>? configure = null)
    {
        var school = new SchoolOptions();
        var options = new KnowledgeOptions();
        configure?.Invoke(options);
        var loads = new List<double>();
        var builds = new List<double>();
        KnowledgeEngine? engine = null;
        long memory = 0;
        for (var run = 0; run < runs; run++)
        {
            engine?.Dispose();
            engine = null;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var started = Stopwatch.GetTimestamp();
            var knowledge = KnowledgeLoader.Load(folder, school);
            loads.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            started = Stopwatch.GetTimestamp();
            engine = KnowledgeEngine.Create(knowledge, options);
            builds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            memory = GC.GetTotalMemory(forceFullCollection: true) - before;
        }

        var samples = new List<double>(questions.Count * 3);
        long allocatedBefore = 0;
        for (var round = -1; round < 3; round++)
        {
            if (round == 0)
            {
                // One thread answers, so this thread's allocation count is the answers' garbage (the
                // figure that stays put on a shared machine, where the timings move with the load).
                allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            }

            foreach (var question in questions)
            {
                var started = Stopwatch.GetTimestamp();
                engine!.Answerer.Ask(question);
                if (round >= 0)
                {
                    samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var entries = engine!.Knowledge.Entries.Count;
        engine.Dispose();
        var total = samples.Sum() / 1000;
        samples.Sort();
        loads.Sort();
        builds.Sort();
        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {entries} | {loads[loads.Count / 2]:0} | {builds[builds.Count / 2]:0} | {memory / 1024.0 / 1024.0:0.0} | {samples.Count / total:0} | {samples[samples.Count / 2]:0.00} | {samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(0.99 * samples.Count) - 1)]:0.00} | {allocated / 1024.0 / samples.Count:0.0} |");
        Console.WriteLine(row);
        return row;
    }

    /// <summary>A temporary knowledge folder with <paramref name="size"/> entries made from the shipped ones.</summary>
    private static string Synthesize(string shipped, int size)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pa-bench-knowledge-{size}-" + Guid.NewGuid().ToString("N")[..8]);
        var entries = Path.Combine(folder, KnowledgeLoader.EntriesFolder);
        Directory.CreateDirectory(entries);
        // Every word list, pattern and policy file beside the entries: the loader requires them all, and a list
        // written out here would fall behind when a new one is added.
        foreach (var file in Directory.GetFiles(shipped))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        // The examples name the shipped ids; the first copy holds every shipped entry under the suffix -s0.
        var examples = Path.Combine(folder, KnowledgeLoader.ExampleQuestionsFile);
        if (File.Exists(examples))
        {
            File.WriteAllLines(examples, File.ReadAllLines(examples).Select(l =>
                l.StartsWith('#') || !l.Contains('\t') || l.StartsWith("none\t", StringComparison.Ordinal) ? l : l.Insert(l.IndexOf('\t'), "-s0")));
        }

        var originals = Directory.GetFiles(Path.Combine(shipped, KnowledgeLoader.EntriesFolder), "*.md").Order().Select(File.ReadAllText).ToList();
        var position = originals.Select((text, index) => (Id: IdLine().Match(text).Groups[1].Value, index)).ToDictionary(p => p.Id, p => p.index);
        for (var i = 0; i < size; i++)
        {
            var copy = i / originals.Count;
            var suffix = $"-s{copy}";
            var word = SyntheticWord(copy);
            var text = originals[i % originals.Count];
            text = IdLine().Replace(text, m => m.Value + suffix);
            text = RelatedLine().Replace(text, m => "related: [" + string.Join(", ", m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                // The last copy may be partial: link only to entries it has.
                .Where(id => position.TryGetValue(id, out var index) && copy * originals.Count + index < size)
                .Select(id => id + suffix)) + "]");
            // Inside the quotes of a quoted title ("Wat heeft {{school.shortName}} geregeld…?"), so the front matter stays valid.
            text = TitleLine().Replace(text, m => $"title: {m.Groups[1].Value}{m.Groups[2].Value} {word}{m.Groups[1].Value}");
            var id = IdLine().Match(text).Groups[1].Value;
            File.WriteAllText(Path.Combine(entries, id + ".md"), text);
        }

        return folder;
    }

    /// <summary>A pronounceable made-up word per copy, so the vocabulary grows with the base.</summary>
    private static string SyntheticWord(int copy)
    {
        const string consonants = "bdfgklmnprstvz";
        const string vowels = "aeiou";
        var chars = new List<char>();
        var n = copy + 1;
        while (n > 0)
        {
            chars.Add(consonants[n % consonants.Length]);
            n /= consonants.Length;
            chars.Add(vowels[n % vowels.Length]);
        }

        return "variant" + new string(chars.ToArray());
    }

    [GeneratedRegex(@"(?m)^id: ([\w-]+)")]
    private static partial Regex IdLine();

    [GeneratedRegex(@"(?m)^related: \[([^\]]*)\]")]
    private static partial Regex RelatedLine();

    [GeneratedRegex(@"(?m)^title: (""?)([^\r\n]*?)\1(?=\r?$)")]
    private static partial Regex TitleLine();
}
