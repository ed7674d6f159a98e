using System.ComponentModel.DataAnnotations;

namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>
/// The school-specific values that fill the <c>{{...}}</c> placeholders in knowledge files.
/// The defaults fit the seed school (CSW); every other school must configure its own.
/// </summary>
public sealed class SchoolOptions
{
    public const string SectionName = "School";

    [Required]
    public string Name { get; set; } = "Christelijke Scholengemeenschap Walcheren";

    [Required]
    public string ShortName { get; set; } = "CSW";

    [Required]
    public PrivacyDeskOptions PrivacyDesk { get; set; } = new();

    [Required]
    public PrivacyOfficerOptions PrivacyOfficer { get; set; } = new();

    [Required]
    public SchoolLinksOptions Links { get; set; } = new();

    public sealed class PrivacyDeskOptions
    {
        [Required, EmailAddress]
        public string Email { get; set; } = "meldpuntAVG@cswalcheren.nl";
    }

    public sealed class PrivacyOfficerOptions
    {
        /// <summary>How Dutch text refers to the officer.</summary>
        [Required]
        public string Name { get; set; } = "de functionaris gegevensbescherming (FG)";

        /// <summary>How English text refers to the officer; <c>{{privacyOfficer.name}}</c> in an English section uses it.</summary>
        [Required]
        public string EnglishName { get; set; } = "the data protection officer (DPO)";
    }

    public sealed class SchoolLinksOptions
    {
        [Required, Url]
        public string PrivacyPage { get; set; } = "https://www.cswalcheren.nl/privacy";

        [Required, Url]
        public string PrivacyRegulation { get; set; } = "https://www.cswalcheren.nl/privacyreglement";

        [Required, Url]
        public string SocialMediaProtocol { get; set; } = "https://www.cswalcheren.nl/protocol-social-media";
    }
}
