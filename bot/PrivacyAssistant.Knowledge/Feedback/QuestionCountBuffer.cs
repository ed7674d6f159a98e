using System.Collections.Concurrent;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>
/// Question counts not yet written, summed per key. Thread-safe; its size is bounded by the number
/// of distinct day/decision/entry/language keys, not by the number of questions.
/// </summary>
internal sealed class QuestionCountBuffer
{
    private readonly ConcurrentDictionary<QuestionCountKey, long> counts = new();

    public void Add(QuestionCountKey key, long count) => counts.AddOrUpdate(key, count, (_, current) => current + count);

    /// <summary>
    /// Removes and returns every count. Each key is removed atomically with its value, so an
    /// increment racing with this either lands in the returned total or starts a new entry: none is lost.
    /// </summary>
    public List<KeyValuePair<QuestionCountKey, long>> TakeAll()
    {
        var taken = new List<KeyValuePair<QuestionCountKey, long>>();
        foreach (var key in counts.Keys)
        {
            if (counts.TryRemove(key, out var count))
            {
                taken.Add(new(key, count));
            }
        }

        return taken;
    }
}
