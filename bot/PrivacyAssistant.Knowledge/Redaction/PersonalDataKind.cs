namespace PrivacyAssistant.Knowledge.Redaction;

/// <summary>Kinds of personal data removed from a question before it leaves the school.</summary>
public enum PersonalDataKind
{
    Name,
    Email,
    Phone,
    BsnLikeNumber,
    StudentNumber,
    Date,
}
