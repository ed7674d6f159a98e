using PrivacyAssistant.BotFramework.Builder;

namespace PrivacyAssistant.Conversations.Breaches;

/// <summary>The register verbs: <c>breach.list</c>, <c>breach.mine</c>, <c>breach.show</c>, <c>breach.decide.*</c>, <c>breach.close</c>, <c>breach.export</c>.</summary>
public sealed class BreachRegisterActions(BreachRegisterView view) : ICardActionHandler
{
    public Task<CardActionResult> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken) => action.Verb switch
    {
        BreachVerbs.List => view.OpenReportsAsync(turn, cancellationToken),
        BreachVerbs.Mine => view.MyReportsAsync(turn, cancellationToken),
        BreachVerbs.Show => view.ShowAsync(turn, action.GetString("reference"), cancellationToken),
        BreachVerbs.Export => view.ExportAsync(turn, cancellationToken),
        BreachVerbs.DecideAp or BreachVerbs.DecideSubjects or BreachVerbs.DecideMeasures or BreachVerbs.DecideDiscovery or BreachVerbs.Close => view.DecideAsync(turn, action, cancellationToken),
        _ => Task.FromResult(CardActionResult.Error("Unknown breach action.")),
    };
}
