using Microsoft.Extensions.Time.Testing;
using PrivacyAssistant.Knowledge.AzureOpenAI;

namespace PrivacyAssistant.Knowledge.Tests.AzureOpenAI;

public sealed class CircuitBreakerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Failures_BelowTheThreshold_KeepTheCircuitClosed()
    {
        var circuit = new CircuitBreaker(3, TimeSpan.FromSeconds(60), _time);

        circuit.RecordFailure();
        circuit.RecordFailure();
        circuit.RecordSuccess();
        circuit.RecordFailure();
        circuit.RecordFailure();

        Assert.Equal(CircuitState.Closed, circuit.State);
        Assert.True(circuit.TryAcquire());
    }

    [Fact]
    public void ConsecutiveFailures_OpenTheCircuitUntilTheBreakHasPassed()
    {
        var circuit = new CircuitBreaker(3, TimeSpan.FromSeconds(60), _time);

        Assert.False(circuit.RecordFailure());
        Assert.False(circuit.RecordFailure());
        Assert.True(circuit.RecordFailure());

        Assert.False(circuit.TryAcquire());
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(circuit.TryAcquire());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(CircuitState.HalfOpen, circuit.State);
    }

    [Fact]
    public void HalfOpen_LetsOneTrialThrough_SuccessCloses()
    {
        var circuit = Opened();
        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.True(circuit.TryAcquire());
        Assert.False(circuit.TryAcquire());
        Assert.True(circuit.RecordSuccess());

        Assert.Equal(CircuitState.Closed, circuit.State);
        Assert.True(circuit.TryAcquire());
    }

    [Fact]
    public void HalfOpen_FailedTrial_ReopensForAnotherBreak()
    {
        var circuit = Opened();
        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.True(circuit.TryAcquire());
        Assert.True(circuit.RecordFailure());

        Assert.Equal(CircuitState.Open, circuit.State);
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.True(circuit.TryAcquire());
    }

    private CircuitBreaker Opened()
    {
        var circuit = new CircuitBreaker(2, TimeSpan.FromSeconds(60), _time);
        circuit.RecordFailure();
        circuit.RecordFailure();
        Assert.Equal(CircuitState.Open, circuit.State);
        return circuit;
    }
}
