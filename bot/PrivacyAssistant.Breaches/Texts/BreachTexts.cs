using System.Text.Json;
using PrivacyAssistant.Breaches.Reports;

namespace PrivacyAssistant.Breaches.Texts;

/// <summary>
/// The breach texts in Dutch and English, loaded once from the embedded data file and checked to
/// cover every code, so a missing label fails the tests rather than showing a code to a user.
/// </summary>
public static class BreachTexts
{
    private static readonly Lazy<IReadOnlyDictionary<string, BreachTextSet>> Sets = new(Load);

    public static IReadOnlyCollection<string> Languages => Sets.Value.Keys.ToList();

    /// <summary>English when the locale starts with <c>en</c>, otherwise Dutch.</summary>
    public static string LanguageOf(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "nl";

    public static BreachTextSet For(string? languageOrLocale) => Sets.Value[LanguageOf(languageOrLocale)];

    /// <summary>Codes without a text, per language (empty when complete).</summary>
    public static IReadOnlyList<string> MissingTexts()
    {
        var missing = new List<string>();
        foreach (var (language, set) in Sets.Value)
        {
            Check(language, "kinds", set.Kinds, Codes.All<BreachKind>().Select(Codes.Of));
            Check(language, "categories", set.Categories, Codes.All<DataCategory>().Select(Codes.Of));
            Check(language, "groups", set.Groups, Codes.All<AffectedGroup>().Select(Codes.Of));
            Check(language, "counts", set.Counts, Codes.All<AffectedCount>().Select(Codes.Of));
            Check(language, "protection", set.Protection, Codes.All<Protection>().Select(Codes.Of));
            Check(language, "advice", set.Advice, Codes.All<BreachKind>().Select(Codes.Of));
            Check(language, "risk", set.Risk, Enum.GetValues<Risk.RiskLevel>().Select(Risk.RiskHint.CodeOf));
        }

        return missing;

        void Check<TValue>(string language, string section, Dictionary<string, TValue> texts, IEnumerable<string> codes) =>
            missing.AddRange(codes.Where(code => !texts.ContainsKey(code)).Select(code => $"{language}.{section}.{code}"));
    }

    private static IReadOnlyDictionary<string, BreachTextSet> Load()
    {
        using var stream = typeof(BreachTexts).Assembly.GetManifestResourceStream("PrivacyAssistant.Breaches.Texts.breach-texts.json")
            ?? throw new InvalidOperationException("breach-texts.json is not embedded.");
        var sets = JsonSerializer.Deserialize<Dictionary<string, BreachTextSet>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("breach-texts.json is empty.");
        foreach (var (language, set) in sets)
        {
            set.Language = language;
        }

        return sets;
    }
}
