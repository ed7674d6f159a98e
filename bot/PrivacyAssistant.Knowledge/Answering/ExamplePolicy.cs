using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>
/// What the labelled example questions (<see cref="ExampleIndex"/>) may change about an unsure decision. Pure, like
/// <see cref="AnswerPolicy"/>; the table is in docs/knowledge-retrieval.md ("Session 12, example questions"):
/// <list type="bullet">
/// <item>breach and a confident answer: never changed (the caller does not even ask the examples);</item>
/// <item>"Bedoel je…?" whose first option the examples support at <see cref="AnswerSupport"/>: the answer;</item>
/// <item>"Bedoel je…?" the examples call outside privacy at <see cref="NoneSupport"/>: none;</item>
/// <item>"Bedoel je…?" led by another entry than the examples support at <see cref="CardSupport"/>: the examples' entry first, the FAQ's best second;</item>
/// <item>none the examples give an entry at <see cref="RescueSupport"/>: a "Bedoel je…?" with that entry (never an answer),
/// unless the single most similar text is outside privacy at <see cref="NearestNoneVeto"/> (session 14: one off-topic
/// example phrased almost like the question outweighs several looser texts of one entry).</item>
/// </list>
/// Support is the winning label's summed similarity over the nearest texts ÷ their number (0 to 1). A threshold of
/// 0 switches its rule off.
/// </summary>
public sealed record ExamplePolicy(double AnswerSupport, double NoneSupport, double CardSupport, double RescueSupport, double NearestNoneVeto = 0)
{
    /// <summary>Every rule off: the decision is the FAQ's alone.</summary>
    public static ExamplePolicy Off { get; } = new(0, 0, 0, 0);

    public static ExamplePolicy From(KnowledgeOptions options) =>
        new(options.ExamplesAnswerSupport, options.ExamplesNoneSupport, options.ExamplesCardSupport, options.ExamplesRescueSupport, options.ExamplesNearestNoneVeto);

    /// <summary>Whether any rule is on (the examples need not be asked otherwise).</summary>
    public bool Consulted(AnswerDecision decision) =>
        decision == AnswerDecision.Clarify ? AnswerSupport > 0 || NoneSupport > 0 || CardSupport > 0
        : decision == AnswerDecision.None && RescueSupport > 0;

    /// <summary>
    /// The decision after the examples, and its entries best first; <paramref name="entryIds"/> is null when the
    /// decision stands as it was (<paramref name="decision"/> with the FAQ's own options).
    /// </summary>
    /// <param name="decision">The FAQ's decision.</param>
    /// <param name="lexicalTop">For clarify: the FAQ's first option.</param>
    /// <param name="verdict">The examples' verdict on the question.</param>
    public (AnswerDecision Decision, IReadOnlyList<string>? EntryIds) Decide(AnswerDecision decision, string? lexicalTop, ExampleVerdict verdict)
    {
        var support = verdict.Support;
        if (decision == AnswerDecision.Clarify && lexicalTop is not null)
        {
            if (verdict.OutsidePrivacy)
            {
                return NoneSupport > 0 && support >= NoneSupport ? (AnswerDecision.None, []) : (decision, null);
            }

            if (verdict.EntryId is not { } entry)
            {
                return (decision, null);
            }

            if (entry == lexicalTop)
            {
                return AnswerSupport > 0 && support >= AnswerSupport ? (AnswerDecision.Answer, [entry]) : (decision, null);
            }

            return CardSupport > 0 && support >= CardSupport ? (AnswerDecision.Clarify, [entry, lexicalTop]) : (decision, null);
        }

        if (decision == AnswerDecision.None && verdict.EntryId is { } rescued && RescueSupport > 0 && support >= RescueSupport
            && !(NearestNoneVeto > 0 && verdict.NearestNoneSimilarity >= NearestNoneVeto))
        {
            return (AnswerDecision.Clarify, [rescued]);
        }

        return (decision, null);
    }
}
