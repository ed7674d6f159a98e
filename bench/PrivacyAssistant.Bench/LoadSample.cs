namespace PrivacyAssistant.Bench;

/// <summary>
/// One answered request of a measured level: its latency, which workload question it carried and when it was sent
/// (<see cref="System.Diagnostics.Stopwatch"/> ticks), so <c>--by-question</c> can group the latencies by question and
/// see whether the slowest requests cluster in time (pauses) or belong to particular questions.
/// </summary>
public readonly record struct LoadSample(double Milliseconds, int Question, long SentTicks)
{
    /// <summary>When the response had been read (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
    public long CompletedTicks => SentTicks + (long)(Milliseconds / 1000 * System.Diagnostics.Stopwatch.Frequency);
}
