namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>How one guarded call to the model ended.</summary>
public enum ModelCallOutcome
{
    Succeeded,

    /// <summary>Not sent: the circuit is open after repeated failures.</summary>
    CircuitOpen,

    /// <summary>Cancelled after the call timeout or the question's remaining budget.</summary>
    TimedOut,

    /// <summary>The service answered an error (429, 5xx, 401…) or the connection failed.</summary>
    Failed,
}

/// <summary>The value of a guarded call, or why there is none.</summary>
public sealed record ModelCallResult<T>(ModelCallOutcome Outcome, T? Value, int? Status = null)
{
    public bool Succeeded => Outcome == ModelCallOutcome.Succeeded;
}
