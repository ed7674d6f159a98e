namespace PrivacyAssistant.Breaches.Register;

/// <summary>Field names of the officer decision forms (card input ids) used in problems.</summary>
public static class DecisionFields
{
    public const string Reference = "reference";
    public const string ApNotified = "apNotified";
    public const string ApNotifiedDate = "apNotifiedDate";
    public const string ApNotifiedTime = "apNotifiedTime";
    public const string ApReference = "apReference";
    public const string ApReason = "apReason";
    public const string SubjectsInformed = "subjectsInformed";
    public const string SubjectsReason = "subjectsReason";
    public const string Consequences = "consequences";
    public const string RemedialActions = "remedialActions";
    public const string DiscoveryDate = "discoveryDate";
    public const string DiscoveryTime = "discoveryTime";
    public const string DiscoveryReason = "discoveryReason";
    public const int TextMaxLength = 2000;

    /// <summary>The AP's case number ("kenmerk") is short; the card's input has the same limit.</summary>
    public const int ApReferenceMaxLength = 100;
}
