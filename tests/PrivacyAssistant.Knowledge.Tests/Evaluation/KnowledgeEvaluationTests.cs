using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Evaluation;

public sealed class KnowledgeEvaluationTests
{
    private static string Describe(EvaluationReport report) =>
        $"{report.Passed}/{report.Outcomes.Count} passed; failures:{Environment.NewLine}" +
        string.Join(Environment.NewLine, report.Outcomes.Where(o => !o.Passed).Select(o =>
            $"  line {o.Case.Line}: expected {o.Case.Expected}, got {o.Got} ({o.Score:0.000}): {o.Case.Question}"));

    [Fact]
    public void TestSet_IsLargeAndCoversEveryKindOfQuestion()
    {
        var cases = EvaluationSets.Test;

        Assert.True(cases.Count >= 240, $"only {cases.Count} questions");
        Assert.Contains(cases, c => c.Expected == EvaluationCase.None);
        Assert.Contains(cases, c => c.Expected == EvaluationCase.Breach);
        var ids = EvaluationSets.Product.Knowledge.Entries.Select(e => e.Id).ToHashSet();
        Assert.All(cases.Where(c => c.Expected is not (EvaluationCase.None or EvaluationCase.Breach)), c => Assert.Contains(c.Expected, ids));
        Assert.All(ids, id => Assert.Contains(cases, c => c.Expected == id));
    }

    [Fact]
    public void HeldOutSetB_LoadsAndCoversEveryKindOfQuestion()
    {
        var cases = EvaluationSets.HeldOutB;

        Assert.True(cases.Count >= 150, $"only {cases.Count} questions");
        Assert.True(cases.Count(c => c.Expected == EvaluationCase.None) >= 20, "fewer than 20 off-topic questions");
        Assert.True(cases.Count(c => c.Expected == EvaluationCase.Breach) >= 20, "fewer than 20 breach reports");
        var ids = EvaluationSets.Product.Knowledge.Entries.Select(e => e.Id).ToHashSet();
        Assert.All(cases.Where(c => c.Expected is not (EvaluationCase.None or EvaluationCase.Breach)), c => Assert.Contains(c.Expected, ids));
        Assert.All(ids, id => Assert.Contains(cases, c => c.Expected == id));
        Assert.Equal(cases.Count, cases.Select(c => c.Question.ToLowerInvariant()).Distinct().Count());
    }

    // The target is 95 % top-1 on the held-out test set with no confident answer to an
    // off-topic question. Measured with the shipped defaults (tuned on dev.tsv only): 93.2 %
    // (275/295 in session 7; 91.9 % in session 6, 91.5 % in session 4, 89.8 % in session 3, 87.1 % in session 2,
    // 86.8 % before that) and no off-topic question answered with
    // confidence (one in session 2); see docs/knowledge-retrieval.md. These floors guard the
    // measured level against regressions; the accuracy floor is NOT the target, which is not reached.
    private const double TargetAccuracy = 0.95;
    private const double MeasuredTestAccuracyFloor = 0.92;
    private const int MeasuredConfidentOffTopic = 0;

    [Fact]
    public void TestSet_TopOneAccuracy_StaysAtTheMeasuredLevel()
    {
        var report = KnowledgeEvaluator.Run(EvaluationSets.Product.Answerer, EvaluationSets.Test);

        Assert.True(
            report.Accuracy >= MeasuredTestAccuracyFloor,
            $"top-1 accuracy {report.Accuracy:P1} fell below the measured {MeasuredTestAccuracyFloor:P0} (target {TargetAccuracy:P0}); {Describe(report)}");
    }

    [Fact]
    public void TestSet_OffTopicQuestions_GetNoMoreConfidentAnswersThanMeasured()
    {
        var offTopic = EvaluationSets.Test.Where(c => c.Expected == EvaluationCase.None).ToList();

        var report = KnowledgeEvaluator.Run(EvaluationSets.Product.Answerer, offTopic);

        Assert.True(report.ConfidentOffTopic <= MeasuredConfidentOffTopic, $"{report.ConfidentOffTopic} off-topic questions answered with confidence; {Describe(report)}");
    }

    [Fact]
    public void TestSet_BreachReports_AreMostlyRecognised()
    {
        var reports = EvaluationSets.Test.Where(c => c.Expected == EvaluationCase.Breach).ToList();

        var report = KnowledgeEvaluator.Run(EvaluationSets.Product.Answerer, reports);

        Assert.True(report.Accuracy >= 0.80, Describe(report));
    }

    [Fact]
    public void DevSet_TopOneAccuracy_IsAtLeast98Percent_BeforeTheSession9Probes()
    {
        var report = KnowledgeEvaluator.Run(EvaluationSets.Product.Answerer, DevSection.BeforeSession9);

        // Session 12 moved the entry and none questions before the session-9 probes to knowledge/example-questions.tsv:
        // what remains are the 149 breach reports, 147 (98.7 %) recognised, as before the move (examples never touch a breach).
        // Before the move:
        // 94.6 % (973/1028) in session 10 with the question-form rule; 94.2 % (968/1028) in session 9 (94.1 % at its start); 95.2 % (681/715) in session 7 (the first 589: 570;
        // the session's own probes, set 2 and set C added);
        // 91.9 % (541/589) in session 6 with the out-of-scope topics (90.2 % without them on the same 589);
        // 92.2 % (472/512) in session 5; 90.3 % (402/445) in session 4 (50 questions added probing school words);
        // 89.4 % (353/395) with the session-3 additions (hard off-topic near-misses and long questions with
        // context among them); 92.1 % on the 227 questions before.
        Assert.Equal(149, report.Outcomes.Count);
        Assert.True(report.Accuracy >= 0.98, $"top-1 accuracy {report.Accuracy:P1}; {Describe(report)}");
    }

    // Blocks of deliberately hard probes, each written fresh before the session's changes, get floors of their own
    // at their measured level, so that adding hard probes does not lower the guard on the older questions
    // (docs/knowledge-retrieval.md, "Session 9, off-topic", "Session 9, recall", "Session 10"):
    // - session 9, off-topic (near-misses, breach reports, privacy questions that sound like either): 117 of 180
    //   with main's knowledge at 4f2bb59, 132 (73.3 %) after session 9, 140 (77.8 %) with the question-form rule;
    // - session 9, recall (entry questions): 132 of 164 (80.5 %) at 4f2bb59, 136 (82.9 %) after session 9;
    // - session 10, form (62 off-topic near-misses, 60 privacy questions): 98 of 122 (80.3 %) at the start of
    //   session 10, 102 (83.6 %) with the question-form rule;
    // - session 10, breach compounds (8 reports naming the lost thing inside a compound, "werkiPad", and 4 such
    //   compounds without a loss): 9 of 12 without the compound split, 11 with it;
    // - session 11, phrasing (120 entry questions, 4 per entry, and 30 off-topic staff questions): 133 of 150 (88.7 %)
    //   at 99b4f5d, 136 (90.7 %) with session 11's how-to rule and data (the phrasing rule tried on this block
    //   was not kept: it turned cards into answers and could not move top-1).
    // Session 12, the example questions (knowledge/example-questions.tsv, thresholds tuned on the odd lines of these blocks;
    // docs/knowledge-retrieval.md, "Session 12, example questions"): session 9 off-topic 151 -> 156 of 180, session 9 recall
    // 136 -> 150 of 164, session 10 form 110 -> 115 of 122, breach compounds 12 -> 12, session 11 off-topic 135 -> 144 of 166,
    // session 11 phrasing 136 -> 145 of 150 (before: main at 1ad1240). Stop n-grams (ExamplesStopShare 0.1, none support
    // 0.12 -> 0.10, chosen on half A; no rescue of a topic's none): session 9 off-topic 156 -> 158, session 9 recall 150 -> 149, session 10 form 115 -> 114,
    // session 11 off-topic 144 -> 147, session 11 phrasing 145 -> 145.
    // Then (session 12) the half-A entry and none lines of these blocks moved to knowledge/example-questions.tsv: the blocks
    // hold their half B, half A's breach lines and four half-A lines that would overlap a held-out question verbatim in the
    // knowledge, re-measured: session 9 off-topic 104 of 119, session 9 recall 73 of 83, session 10 form 62 of 63, breach
    // compounds 10 of 10, session 11 off-topic 82 of 97, session 11 phrasing 72 of 76.
    // Session 13, fresh probes (150 entry questions, 5 per entry, 30 off-topic, 10 breach reports; written before any
    // session-13 change and never tuned on; docs/knowledge-retrieval.md, "Session 13, fresh probes"): 168 of 190 (88.4 %)
    // at a31727f, half A 83 of 95, half B 85 of 95.
    // Session 13, 504 more example questions written from the entries (docs/knowledge-retrieval.md, "Session 13, more example
    // questions"), measured once against main at a31727f (which gave 104, 73, 62, 9, 82, 73): session 9 off-topic 104 -> 103
    // of 119, session 9 recall 73 -> 76, session 11 off-topic 82 -> 81 of 97, session 11 phrasing 73 -> 72, the others equal.
    // The two off-topic floors were lowered to these levels (0.87 -> 0.86, 0.84 -> 0.83) in a commit of their own, so that
    // the change can be landed or dropped with the examples: five off-topic nones became cards (none answered).
    // Session 14, off-topic probes (80 off-topic staff questions sharing words with privacy topics, 40 privacy questions on the
    // same subjects; written before any session-14 change; docs/knowledge-retrieval.md, "Session 14, off-topic cards"): 97 of 120
    // at 2b80459 (half A 52, half B 45 of 60), 99 (82.5 %) with the nearest-none veto, none support 0.10 and the photographer
    // topic (half A 53, half B 46); the older blocks gained 5 off-topic questions (none lost).
    // Session 14, breach probes (60 reports, 40 questions about breaches, 20 losses without personal data or off-topic; written
    // before any session-14 change; docs/knowledge-retrieval.md, "Session 14, breach recognition"): 78 of 120 at 2b80459, 98 of 120
    // (81.7 %) after the session's breach patterns, guards and topic lines and the breach card for an unplaced question naming
    // breaches (half A, studied, 39 -> 55 of 60; half B, the judge, 39 -> 43).
    // Session 14, false-report probes (80 everyday messages in the words of the session's new breach patterns that report
    // nothing: 71 none, 9 privacy questions; written before any change to the patterns; docs/knowledge-retrieval.md, "Session 14,
    // breach recognition", "False-report probes"): 65 of 80 (81.2 %) at 85a4f06 (half A 34, half B 31 of 40), 6 taken for reports; 65 after the two half-A fixes (no bare
    // "in de trein"/"in de bus" for a list, a guard for "moet ik … laten liggen of mag ik …"), 4 taken for reports (half A 2 -> 0,
    // half B, the judge, 4 -> 4: its four come from other patterns).
    // Session 15, typo and false-report probes (60 messages that report nothing, with real words a letter from breach words or
    // breach words in ordinary use, 40 reports with a typo in the breach word; written before any session-15 change;
    // docs/knowledge-retrieval.md, "Session 15, typo tolerance and false reports"): 55 of 100 at 7952146 (half A 28, half B 27
    // of 50; 37 taken for reports), 91 after real-words.txt, the tolerance from the spelling as written and the narrowed lines
    // (half A, studied, 49; half B, the judge, 42; 6 taken for reports, 1 report missed).
    // Session 15, independent typo judge (40 ordinary messages with words near breach words, 40 reports, half with a typo in the
    // key word; written after the session-15 rule by a helper who had not read it, measurement only; docs/knowledge-retrieval.md,
    // "Session 15, typo tolerance and false reports", "Independent judge"): 65 of 80 at 7952146, 69 (86.2 %) at 8c7e176 (half A 36,
    // half B 33 of 40; 2 taken for reports, 5 reports missed).
    // Session 16, access and exposure probes (46 reports of unauthorised access or exposure, 40 near misses about who may see
    // what, 14 lost things without personal data; written before any session-16 change): 52 of 100 at 4b9ab34 (half A 26, half B 26), 53 with the access-request
    // helpdesk topic in out-of-scope.txt (half B +1: its one confident off-topic answer, which the invariant below forbids), 76 after
    // the session-16 access and exposure lines and guards (half A, studied, 45; half B, the judge, scored once at the end, 31;
    // reports 13 -> 33 of 46, taken for reports 4 -> 1 of 54; docs/knowledge-retrieval.md, "Session 16, access and exposure reports").
    // Session 16, questions about breaches (60 questions about breaches and their handling, 40 questions in breach words that
    // another entry answers; written before any session-16 change; docs/knowledge-retrieval.md, "Session 16, questions about
    // breaches"): 71 of 100 at 4b9ab34 (half A 34, half B 37 of 50), 73 (73.0 %) after the session's datalek alternates, example
    // questions and two synonyms (half A, studied, 36; half B, the judge, 37). The same changes took the session-14 breach block
    // from 99 to 103 of 120 (four of the questions about breaches the brief listed); with the session-16 access and exposure lines
    // (main 889d74f, 106) to 110 of 120, so its floor rose from 0.81 to 0.91.
    // Session 16, privacy questions with incidental everyday words (39 privacy questions set in trips, sports day, the canteen, the
    // musical, parents' evening, the gym and lockers, 21 off-topic questions in the same settings; written before any change;
    // docs/knowledge-retrieval.md, "Session 16, none neighbours"): 52 of 60 (86.7 %) at a89ce9b (half A 28, half B 24 of 30);
    // no rule was landed (the ones tried cost more off-topic nones than they won).
    [Theory]
    [InlineData(DevSection.Session9OffTopicBlock, 119, 0.86)]
    [InlineData(DevSection.Session9RecallBlock, 83, 0.87)]
    [InlineData(DevSection.Session10FormBlock, 63, 0.98)]
    [InlineData(DevSection.Session10BreachCompoundBlock, 10, 0.9)]
    [InlineData(DevSection.Session11OffTopicBlock, 97, 0.83)]
    [InlineData(DevSection.Session11PhrasingBlock, 76, 0.94)]
    [InlineData(DevSection.Session13FreshBlock, 190, 0.88)]
    [InlineData(DevSection.Session14OffTopicBlock, 120, 0.82)]
    [InlineData(DevSection.Session14BreachBlock, 120, 0.91)]
    [InlineData(DevSection.Session14FalseReportBlock, 80, 0.81)]
    [InlineData(DevSection.Session15TypoBlock, 100, 0.91)]
    [InlineData(DevSection.Session15TypoJudgeBlock, 80, 0.86)]
    [InlineData(DevSection.Session16AccessBlock, 100, 0.76)]
    [InlineData(DevSection.Session16AboutBreachBlock, 100, 0.73)]
    [InlineData(DevSection.Session16EverydayWordsBlock, 60, 0.86)]
    public void DevSet_ProbeBlock_StaysAtItsMeasuredLevel(string block, int questions, double floor)
    {
        var probes = DevSection.Block(block);

        var report = KnowledgeEvaluator.Run(EvaluationSets.Product.Answerer, probes);

        Assert.Equal(questions, probes.Count);
        Assert.True(report.Accuracy >= floor, $"top-1 accuracy {report.Accuracy:P1}; {Describe(report)}");
    }

    [Fact]
    public void DevSet_OffTopicQuestions_NeverGetAConfidentAnswer()
    {
        var report = KnowledgeEvaluator.Run(EvaluationSets.Product.Answerer, EvaluationSets.Dev.Where(c => c.Expected == EvaluationCase.None));

        Assert.All(report.Outcomes, o => Assert.True(o.Decision != AnswerDecision.Answer, $"answered '{o.Case.Question}' with {o.EntryId} ({o.Score:0.000})"));
    }
}

public sealed class EntryTitleTests
{
    public static TheoryData<string> EntryIds()
    {
        var data = new TheoryData<string>();
        foreach (var entry in EvaluationSets.Product.Knowledge.Entries)
        {
            data.Add(entry.Id);
        }

        return data;
    }

    // The Outlook add-in's "Lees meer" links type an entry's title into the chat
    // (knowledge/addin-policy.json): a title must always bring up its own entry, in both languages.
    [Theory]
    [MemberData(nameof(EntryIds))]
    public void Title_AskedAsAQuestion_IsAnsweredWithItsOwnEntry(string id)
    {
        var entry = EvaluationSets.Product.Knowledge.Get(id);

        foreach (var title in new[] { entry.Dutch.Title, entry.English.Title })
        {
            var answer = EvaluationSets.Product.Answerer.Ask(title);

            Assert.True(answer.Decision == AnswerDecision.Answer && answer.Entry?.Id == id, $"'{title}' gave {answer.Decision.ToWire()} {answer.Entry?.Id} ({answer.Confidence:0.000})");
        }
    }
}
