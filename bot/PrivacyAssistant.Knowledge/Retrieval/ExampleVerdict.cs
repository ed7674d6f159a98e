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
    /// <summary>The nearest examples say the question is outside privacy.</summary>
    public bool OutsidePrivacy => EntryId is null && Support > 0;
}
