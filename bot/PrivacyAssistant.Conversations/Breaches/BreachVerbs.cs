namespace PrivacyAssistant.Conversations.Breaches;

/// <summary>The card verbs of the breach feature (see docs/architecture.md).</summary>
public static class BreachVerbs
{
    public const string Start = "breach.start";
    public const string Submit = "breach.submit";
    public const string List = "breach.list";
    public const string Mine = "breach.mine";
    public const string Show = "breach.show";
    public const string DecideAp = "breach.decide.ap";
    public const string DecideSubjects = "breach.decide.subjects";
    public const string DecideMeasures = "breach.decide.measures";
    public const string DecideDiscovery = "breach.decide.discovery";
    public const string Close = "breach.close";
    public const string Export = "breach.export";
}
