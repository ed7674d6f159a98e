using System.Net.Mail;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge;

internal static class SchoolOptionsValidation
{
    public const string Message =
        "School: Name, ShortName, PrivacyDesk:Email (an e-mail address), PrivacyOfficer:Name/EnglishName and " +
        "Links:PrivacyPage/PrivacyRegulation/SocialMediaProtocol (absolute https links) must all be set.";

    public static bool IsValid(SchoolOptions o) =>
        !string.IsNullOrWhiteSpace(o.Name)
        && !string.IsNullOrWhiteSpace(o.ShortName)
        && MailAddress.TryCreate(o.PrivacyDesk.Email, out _)
        && !string.IsNullOrWhiteSpace(o.PrivacyOfficer.Name)
        && !string.IsNullOrWhiteSpace(o.PrivacyOfficer.EnglishName)
        && IsLink(o.Links.PrivacyPage)
        && IsLink(o.Links.PrivacyRegulation)
        && IsLink(o.Links.SocialMediaProtocol);

    private static bool IsLink(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
