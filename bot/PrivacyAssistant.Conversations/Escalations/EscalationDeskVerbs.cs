namespace PrivacyAssistant.Conversations.Escalations;

/// <summary>The privacy desk's card verbs for forwarded questions (see docs/architecture.md).</summary>
public static class EscalationDeskVerbs
{
    public const string List = "faq.desk.list";
    public const string Answer = "faq.desk.answer";
    public const string Close = "faq.desk.close";
}
