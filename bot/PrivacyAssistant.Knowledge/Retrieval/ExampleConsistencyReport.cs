namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>What <see cref="ExampleConsistency.Check"/> found in the example questions.</summary>
/// <param name="Examples">How many examples were checked.</param>
/// <param name="Agreeing">How many get their own label from their leave-one-out neighbours.</param>
/// <param name="Disagreements">Examples voted for another label with at least <paramref name="MinSupport"/>, strongest first.</param>
/// <param name="WeakDisagreements">Examples voted for another label with less support (or with no similar text at all).</param>
/// <param name="Conflicts">Pairs of near-identical texts (at least <paramref name="DuplicateSimilarity"/>) with different labels, most similar first, each pair once.</param>
/// <param name="MinSupport">The support from which a disagreement is listed.</param>
/// <param name="DuplicateSimilarity">The similarity from which two texts count as near-duplicates.</param>
public sealed record ExampleConsistencyReport(
    int Examples,
    int Agreeing,
    IReadOnlyList<ExampleDisagreement> Disagreements,
    int WeakDisagreements,
    IReadOnlyList<ExampleConflict> Conflicts,
    double MinSupport,
    double DuplicateSimilarity);
