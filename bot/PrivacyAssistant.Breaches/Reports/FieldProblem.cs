namespace PrivacyAssistant.Breaches.Reports;

/// <summary>One problem with one field; <see cref="Code"/> keys a message in the texts (<c>problems</c>).</summary>
public sealed record FieldProblem(string Field, string Code, int? Max = null);
