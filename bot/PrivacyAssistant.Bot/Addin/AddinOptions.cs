using System.ComponentModel.DataAnnotations;

namespace PrivacyAssistant.Bot.Addin;

/// <summary>Where the host finds the Outlook add-in's built files and policy (section <c>Addin</c>).</summary>
public sealed class AddinOptions
{
    public const string SectionName = "Addin";

    /// <summary>Folder with the add-in build output (<c>addin/dist</c>); relative paths are from the content root.</summary>
    [Required]
    public string FilesPath { get; set; } = "../../addin/dist";

    /// <summary>The policy document served at <c>/addin/policy.json</c>.</summary>
    [Required]
    public string PolicyPath { get; set; } = "../../knowledge/addin-policy.json";

    /// <summary>JSON schema the policy must satisfy at start-up.</summary>
    [Required]
    public string PolicySchemaPath { get; set; } = "../../knowledge/addin-policy.schema.json";

    /// <summary>
    /// Bot id for the add-in's "Lees meer" links (a Teams chat with the bot). Empty = the host's
    /// <c>Bot:AppId</c>; both empty = no links.
    /// </summary>
    public string? TeamsBotId { get; set; }

    /// <summary>
    /// Public base URL of this host (e.g. <c>https://privacy.school.nl</c>) written into the event
    /// bundle as the policy's address. Empty = taken from each request (scheme, host, path base).
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long clients may cache the add-in's pages, scripts and icons.</summary>
    [Range(0, 86400)]
    public int FilesMaxAgeSeconds { get; set; } = 600;
}
