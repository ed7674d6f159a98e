namespace PrivacyAssistant.Breaches.Register;

/// <summary>The stored report; <see cref="Created"/> is false when the submission was a repeat.</summary>
public sealed record SubmitResult(BreachReport Report, bool Created);
