using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// Checks <c>example-questions.tsv</c> against itself for the privacy officer: every example is voted on by the other
/// labelled texts (examples, titles, alternates) the way a question is, itself left out (leave-one-out,
/// <see cref="ExampleIndex.NearestExcept"/>). A confident vote for another label, or a near-identical text with
/// another label, points at a mislabelled or ambiguous example, which would otherwise silently steer answers.
/// Advice only: which of two conflicting labels is right is the officer's call.
/// </summary>
public static class ExampleConsistency
{
    /// <summary>Default support from which a disagreement is listed: about the support the vote needs to rescue an answer (<see cref="KnowledgeOptions.ExamplesRescueSupport"/>, 0.18) and more.</summary>
    public const double DefaultMinSupport = 0.3;

    /// <summary>Default similarity from which two texts count as near-duplicates (the same question up to a word or a typo).</summary>
    public const double DefaultDuplicateSimilarity = 0.8;

    /// <summary>Votes on every example of <paramref name="knowledge"/> with the others in <paramref name="index"/> (built from the same knowledge).</summary>
    public static ExampleConsistencyReport Check(
        KnowledgeBase knowledge,
        ExampleIndex index,
        double minSupport = DefaultMinSupport,
        double duplicateSimilarity = DefaultDuplicateSimilarity)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(index);
        var agreeing = 0;
        var weak = 0;
        var disagreements = new List<ExampleDisagreement>();
        var conflicts = new List<ExampleConflict>();
        var pairs = new HashSet<(int, int)>();
        foreach (var example in knowledge.Examples)
        {
            var verdict = index.NearestExcept(example, explain: true);
            if (verdict.Support > 0 && verdict.EntryId == example.EntryId)
            {
                agreeing++;
            }
            else if (verdict.Support >= minSupport)
            {
                disagreements.Add(new ExampleDisagreement(example.Line, example.EntryId, verdict.EntryId, verdict.Support, example.Question));
            }
            else
            {
                weak++;
            }

            foreach (var neighbour in verdict.Neighbours ?? [])
            {
                if (neighbour.Similarity < duplicateSimilarity || neighbour.EntryId == example.EntryId)
                {
                    continue;
                }

                // Two examples find each other: report the pair once.
                var other = neighbour.Example;
                if (other is not null && !pairs.Add((Math.Min(example.Line, other.Line), Math.Max(example.Line, other.Line))))
                {
                    continue;
                }

                conflicts.Add(new ExampleConflict(example.Line, example.EntryId, other?.Line, neighbour.EntryId, neighbour.Similarity, example.Question, other?.Question));
            }
        }

        return new ExampleConsistencyReport(
            knowledge.Examples.Count,
            agreeing,
            [.. disagreements.OrderByDescending(d => d.Support).ThenBy(d => d.Line)],
            weak,
            [.. conflicts.OrderByDescending(c => c.Similarity).ThenBy(c => c.Line)],
            minSupport,
            duplicateSimilarity);
    }
}
