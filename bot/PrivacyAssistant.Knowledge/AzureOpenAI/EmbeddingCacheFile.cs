using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>
/// Entry embeddings on disk, keyed by SHA-256 of deployment + embedded text: an edited entry gets a
/// new key and is recomputed, unchanged entries are read back, keys no entry uses any more are
/// dropped on save. Holds knowledge-base text vectors only, never questions.
/// </summary>
public sealed class EmbeddingCacheFile(string path)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public static string Key(string deployment, string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(deployment + "\n" + text))).ToLowerInvariant();

    /// <summary>The cached vectors; empty when the file is missing or unreadable (it is only a cache).</summary>
    public Dictionary<string, float[]> Load()
    {
        try
        {
            if (!File.Exists(Path))
            {
                return [];
            }

            var stored = JsonSerializer.Deserialize<CacheDocument>(File.ReadAllText(Path), Json);
            if (stored?.Version != CacheDocument.CurrentVersion || stored.Vectors is null)
            {
                return [];
            }

            return stored.Vectors.ToDictionary(v => v.Key, v => Decode(v.Value), StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is JsonException or IOException or FormatException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Writes the file atomically (temporary file, then rename), so a crash never leaves half a cache.</summary>
    public void Save(IReadOnlyDictionary<string, float[]> vectors)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var document = new CacheDocument
        {
            Version = CacheDocument.CurrentVersion,
            Vectors = vectors.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary(v => v.Key, v => Encode(v.Value), StringComparer.Ordinal),
        };
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(document, Json));
        File.Move(temporary, Path, overwrite: true);
    }

    private static string Encode(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
        return Convert.ToBase64String(bytes);
    }

    private static float[] Decode(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        var vector = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, vector, 0, vector.Length * sizeof(float));
        return vector;
    }

    private sealed class CacheDocument
    {
        public const int CurrentVersion = 1;

        public int Version { get; set; }

        public Dictionary<string, string>? Vectors { get; set; }
    }
}
