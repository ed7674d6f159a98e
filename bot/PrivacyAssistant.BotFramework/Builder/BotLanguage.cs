using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>The bot speaks Dutch, and English to users whose locale is English.</summary>
public static class BotLanguage
{
    /// <summary>Dutch, the default.</summary>
    public const string Dutch = "nl";

    /// <summary>English.</summary>
    public const string English = "en";

    /// <summary><see cref="English"/> when <paramref name="locale"/> starts with <c>en</c> (any case), else <see cref="Dutch"/>. Never fails.</summary>
    public static string FromLocale(string? locale) =>
        locale is not null && locale.TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Dutch;

    /// <summary>The language of an activity: its <c>locale</c>, else the locale of its <c>clientInfo</c> entity.</summary>
    public static string Of(Activity activity)
    {
        var locale = activity.Locale;
        if (string.IsNullOrWhiteSpace(locale) && activity.Entities is { } entities)
        {
            foreach (var entity in entities)
            {
                if (string.Equals(entity.Type, "clientInfo", StringComparison.OrdinalIgnoreCase)
                    && entity.Properties?.TryGetValue("locale", out var value) == true
                    && value.ValueKind == System.Text.Json.JsonValueKind.String)
                {
                    locale = value.GetString();
                    break;
                }
            }
        }

        return FromLocale(locale);
    }
}
