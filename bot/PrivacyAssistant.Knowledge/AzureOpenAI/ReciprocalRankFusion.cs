using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>
/// Reciprocal rank fusion (Cormack et al., 2009): each ranking contributes 1 / (k + rank). Ranks,
/// not scores, are fused, so BM25 and cosine similarity need no common scale.
/// </summary>
public static class ReciprocalRankFusion
{
    public static IReadOnlyList<FusedCandidate> Fuse(
        IReadOnlyList<RankedCandidate> lexical,
        IReadOnlyList<(string EntryId, double Similarity)> vector,
        int k,
        int vectorDepth = 10)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < lexical.Count; i++)
        {
            scores[lexical[i].EntryId] = scores.GetValueOrDefault(lexical[i].EntryId) + 1.0 / (k + i + 1);
        }

        for (var i = 0; i < Math.Min(vectorDepth, vector.Count); i++)
        {
            scores[vector[i].EntryId] = scores.GetValueOrDefault(vector[i].EntryId) + 1.0 / (k + i + 1);
        }

        var confidence = lexical.GroupBy(c => c.EntryId).ToDictionary(g => g.Key, g => g.Max(c => c.Confidence), StringComparer.Ordinal);
        var similarity = vector.ToDictionary(v => v.EntryId, v => v.Similarity, StringComparer.Ordinal);
        var lexicalRank = lexical.Select((c, i) => (c.EntryId, i)).GroupBy(x => x.EntryId).ToDictionary(g => g.Key, g => g.Min(x => x.i), StringComparer.Ordinal);
        return scores
            .Select(s => new FusedCandidate(s.Key, s.Value, confidence.GetValueOrDefault(s.Key), similarity.GetValueOrDefault(s.Key)))
            // Ties (same fused score) go to the lexical order: it is the calibrated one.
            .OrderByDescending(c => c.Score)
            .ThenBy(c => lexicalRank.GetValueOrDefault(c.EntryId, int.MaxValue))
            .ThenByDescending(c => c.Similarity)
            .ToList();
    }
}
