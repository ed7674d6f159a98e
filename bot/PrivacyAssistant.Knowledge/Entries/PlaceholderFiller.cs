using System.Text.RegularExpressions;

namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>
/// Fills <c>{{name}}</c> placeholders from <see cref="SchoolOptions"/>. Names are case-insensitive;
/// whitespace inside the braces is allowed. An unknown name is reported, never left in the text.
/// </summary>
public sealed partial class PlaceholderFiller
{
    private readonly Dictionary<string, string> _dutch;
    private readonly Dictionary<string, string> _english;

    public PlaceholderFiller(SchoolOptions school)
    {
        _dutch = new(StringComparer.OrdinalIgnoreCase)
        {
            ["school.name"] = school.Name,
            ["school.shortName"] = school.ShortName,
            ["privacyDesk.email"] = school.PrivacyDesk.Email,
            ["privacyOfficer.name"] = school.PrivacyOfficer.Name,
            ["links.privacyPage"] = school.Links.PrivacyPage,
            ["links.privacyRegulation"] = school.Links.PrivacyRegulation,
            ["links.socialMediaProtocol"] = school.Links.SocialMediaProtocol,
        };
        _english = new(_dutch, StringComparer.OrdinalIgnoreCase)
        {
            ["privacyOfficer.name"] = school.PrivacyOfficer.EnglishName,
        };
    }

    /// <summary>The placeholder names an entry may use.</summary>
    public IReadOnlyCollection<string> Names => _dutch.Keys;

    /// <summary>Fills <paramref name="text"/>; unknown placeholder names are added to <paramref name="unknown"/>.</summary>
    public string Fill(string text, KnowledgeLanguage language, ICollection<string> unknown)
    {
        var values = language == KnowledgeLanguage.English ? _english : _dutch;
        return Placeholder().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            if (values.TryGetValue(name, out var value))
            {
                return value;
            }

            unknown.Add(name);
            return match.Value;
        });
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[^{}]*?)\s*\}\}")]
    private static partial Regex Placeholder();
}
