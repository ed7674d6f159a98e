using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Evaluation;

/// <summary>
/// The evaluation files (written independently of the knowledge entries) and an engine over the
/// product's real knowledge folder with the shipped default thresholds.
/// </summary>
internal static class EvaluationSets
{
    private static readonly Lazy<KnowledgeEngine> ProductEngine = new(() =>
        KnowledgeEngine.Create(TestKnowledge.RepositoryFolder, new SchoolOptions(), new KnowledgeOptions()));

    public static string Folder => Path.Combine(TestKnowledge.RepositoryRoot, "tests", "PrivacyAssistant.Knowledge.Tests", "Evaluation");

    /// <summary>The held-out test set: measures, never tuned on.</summary>
    public static IReadOnlyList<EvaluationCase> Test => EvaluationFile.Read(Path.Combine(Folder, "questions.tsv"));

    /// <summary>
    /// Held-out set B: a second test set, written later by someone who had not seen the other sets,
    /// to check that improvements generalise. Measured only (docs/knowledge-retrieval.md); no floor.
    /// </summary>
    public static IReadOnlyList<EvaluationCase> HeldOutB => EvaluationFile.Read(Path.Combine(Folder, "questions-b.tsv"));

    /// <summary>The dev set: thresholds and synonyms were tuned on it.</summary>
    public static IReadOnlyList<EvaluationCase> Dev => EvaluationFile.Read(Path.Combine(Folder, "dev.tsv"));

    public static KnowledgeEngine Product => ProductEngine.Value;
}
