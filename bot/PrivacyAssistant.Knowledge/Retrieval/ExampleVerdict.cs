namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// What the labelled example questions say about a question (<see cref="ExampleIndex"/>): the label whose nearest
/// texts are most similar, and how strongly (the sum of their similarities ÷ the number of neighbours asked, 0 to 1).
/// </summary>
/// <param name="EntryId">The winning entry, or null when the winning label is none (outside privacy) or nothing was similar.</param>
/// <param name="Support">The winning label's summed similarity ÷ the neighbours asked; 0 when nothing was similar.</param>
/// <param name="Neighbours">The nearest texts, most similar first; only when an explanation was asked, else null.</param>
public readonly record struct ExampleVerdict(string? EntryId, double Support, IReadOnlyList<ExampleNeighbour>? Neighbours = null)
{
    /// <summary>
    /// The similarity of the single most similar text when it is labelled none (outside privacy), else 0: an off-topic
    /// example phrased almost like the question can lose the vote to several weaker texts of one entry ("wat is het thema
    /// van de musical": one none text at 0.49, three of <c>beeldmateriaal</c> at about 0.3).
    /// </summary>
    public double NearestNoneSimilarity { get; init; }

    /// <summary>The nearest examples say the question is outside privacy.</summary>
    public bool OutsidePrivacy => EntryId is null && Support > 0;
}
