namespace PrivacyAssistant.Knowledge.Evaluation;

/// <summary>One line of an evaluation file: the expected entry id (or <c>none</c>/<c>breach</c>) and the question.</summary>
public sealed record EvaluationCase(int Line, string Expected, string Question)
{
    public const string None = "none";
    public const string Breach = "breach";
}
