using Microsoft.Extensions.Logging;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>
/// The knowledge entries' vectors (one per entry and language), loaded from the cache file and
/// completed through the model for new or edited entries. Until that has succeeded once, hybrid
/// retrieval is simply not used; a failed attempt is retried after the circuit's break duration.
/// </summary>
public sealed partial class EntryEmbeddings(
    KnowledgeBase knowledge,
    IKnowledgeModel model,
    AzureOpenAIGuard guard,
    AzureOpenAIOptions options,
    TimeProvider time,
    ILogger<EntryEmbeddings> logger)
{
    /// <summary>How many texts go into one embeddings request.</summary>
    public const int BatchSize = 16;

    private static readonly TimeSpan WarmUpTimeout = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly EmbeddingCacheFile _cache = new(options.EmbeddingCachePath);
    private volatile IReadOnlyDictionary<string, float[][]>? _vectors;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;

    public bool IsReady => _vectors is not null;

    /// <summary>Texts embedded through the service by the last successful load (0 when all came from the cache).</summary>
    public int LastComputed { get; private set; }

    /// <summary>Loads the vectors unless they are loaded or a recent attempt failed. Never throws for service errors.</summary>
    public async Task<bool> EnsureAsync(CancellationToken cancellationToken)
    {
        if (IsReady)
        {
            return true;
        }

        if (time.GetUtcNow() < _nextAttempt || !await _gate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        try
        {
            if (IsReady)
            {
                return true;
            }

            var loaded = await LoadAsync(cancellationToken).ConfigureAwait(false);
            if (!loaded)
            {
                _nextAttempt = time.GetUtcNow() + options.CircuitBreaker.BreakDuration;
            }

            return loaded;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts <see cref="EnsureAsync"/> without waiting for it (a failure is logged and retried later).</summary>
    public void WarmUpInBackground()
    {
        if (!IsReady && time.GetUtcNow() >= _nextAttempt)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await EnsureAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    LogWarmUpCrashed(logger, ex.GetType().Name);
                }
            });
        }
    }

    /// <summary>Cosine similarity of the question vector with each entry (best of its languages), best first.</summary>
    public IReadOnlyList<(string EntryId, double Similarity)> Rank(float[] question)
    {
        var vectors = _vectors ?? throw new InvalidOperationException("Entry embeddings are not loaded.");
        var q = Normalized(question);
        return vectors
            .Select(v => (EntryId: v.Key, Similarity: v.Value.Max(vector => Dot(q, vector))))
            .OrderByDescending(v => v.Similarity)
            .ThenBy(v => v.EntryId, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var texts = knowledge.Entries
            .SelectMany(e => new[] { KnowledgeLanguage.Dutch, KnowledgeLanguage.English }.Select(l => (Entry: e.Id, Key: EmbeddingCacheFile.Key(options.EmbeddingsDeployment, EntryEmbeddingText.For(e, l)), Text: EntryEmbeddingText.For(e, l))))
            .ToList();
        var cached = _cache.Load();
        var missing = texts.Where(t => !cached.ContainsKey(t.Key)).DistinctBy(t => t.Key).ToList();
        foreach (var batch in missing.Chunk(BatchSize))
        {
            var result = await guard.CallAsync(
                "embeddings (knowledge entries)",
                ct => model.EmbedAsync(batch.Select(b => b.Text).ToList(), ct),
                WarmUpTimeout,
                cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded || result.Value!.Count != batch.Length)
            {
                LogWarmUpFailed(logger, result.Outcome, result.Status ?? 0);
                return false;
            }

            for (var i = 0; i < batch.Length; i++)
            {
                cached[batch[i].Key] = result.Value[i];
            }
        }

        var used = texts.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var kept = cached.Where(c => used.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        if (missing.Count > 0 || kept.Count != cached.Count)
        {
            try
            {
                _cache.Save(kept);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogCacheNotWritten(logger, _cache.Path, ex.GetType().Name);
            }
        }

        _vectors = texts.GroupBy(t => t.Entry, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => Normalized(kept[t.Key])).ToArray(), StringComparer.Ordinal);
        LastComputed = missing.Count;
        LogReady(logger, knowledge.Entries.Count, missing.Count, texts.Count - missing.Count);
        return true;
    }

    private static float[] Normalized(float[] vector)
    {
        var length = Math.Sqrt(vector.Sum(x => (double)x * x));
        return length == 0 ? vector : vector.Select(x => (float)(x / length)).ToArray();
    }

    private static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Entry embeddings ready for {EntryCount} entries: {Computed} texts embedded, {Cached} from the cache")]
    private static partial void LogReady(ILogger logger, int entryCount, int computed, int cached);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Entry embeddings not available ({Outcome}, status {Status}); answering from the lexical search until a later attempt succeeds")]
    private static partial void LogWarmUpFailed(ILogger logger, ModelCallOutcome outcome, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Entry embeddings could not be loaded ({Error}); retrying later")]
    private static partial void LogWarmUpCrashed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedding cache {Path} could not be written ({Error}); vectors are kept in memory")]
    private static partial void LogCacheNotWritten(ILogger logger, string path, string error);
}
