namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>
/// Stops calling a failing service: after <c>failuresToOpen</c> consecutive failures nothing is
/// sent for <c>breakDuration</c>; then one trial call decides (success closes, failure reopens).
/// Time comes from the injected <see cref="TimeProvider"/> so tests can move the clock.
/// </summary>
public sealed class CircuitBreaker(int failuresToOpen, TimeSpan breakDuration, TimeProvider time)
{
    private readonly Lock _gate = new();
    private int _failures;
    private DateTimeOffset _openUntil;
    private bool _trialInFlight;

    public CircuitState State
    {
        get
        {
            lock (_gate)
            {
                return CurrentState();
            }
        }
    }

    /// <summary>May a call go out now? In the half-open state only one trial call is let through.</summary>
    public bool TryAcquire()
    {
        lock (_gate)
        {
            switch (CurrentState())
            {
                case CircuitState.Closed:
                    return true;
                case CircuitState.HalfOpen when !_trialInFlight:
                    _trialInFlight = true;
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <returns>True when this success closed an open circuit.</returns>
    public bool RecordSuccess()
    {
        lock (_gate)
        {
            var wasOpen = _failures >= failuresToOpen;
            _failures = 0;
            _trialInFlight = false;
            return wasOpen;
        }
    }

    /// <returns>True when this failure opened (or reopened) the circuit.</returns>
    public bool RecordFailure()
    {
        lock (_gate)
        {
            var trial = _trialInFlight;
            _trialInFlight = false;
            _failures++;
            if (trial || _failures == failuresToOpen)
            {
                _failures = Math.Max(_failures, failuresToOpen);
                _openUntil = time.GetUtcNow() + breakDuration;
                return true;
            }

            return false;
        }
    }

    private CircuitState CurrentState()
    {
        if (_failures < failuresToOpen)
        {
            return CircuitState.Closed;
        }

        return time.GetUtcNow() < _openUntil ? CircuitState.Open : CircuitState.HalfOpen;
    }
}

public enum CircuitState
{
    Closed,
    Open,
    HalfOpen,
}
