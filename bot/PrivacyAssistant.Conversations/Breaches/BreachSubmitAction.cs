using Microsoft.Extensions.Logging;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Breaches.Reports;

namespace PrivacyAssistant.Conversations.Breaches;

/// <summary>
/// <c>breach.submit</c>: validates the form; invalid → the same form with the problems marked and
/// the input kept (nothing stored); valid → stored (with the desk notifications, one transaction)
/// and only then the confirmation. A repeat of the same submission shows the same confirmation.
/// </summary>
public sealed partial class BreachSubmitAction(
    BreachReportValidator validator,
    IBreachRegister register,
    BreachCards cards,
    ILogger<BreachSubmitAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var draft = new BreachReportDraft
        {
            Kind = action.GetString(BreachReportDraft.Fields.Kind),
            OccurredDate = action.GetString(BreachReportDraft.Fields.OccurredDate),
            OccurredTime = action.GetString(BreachReportDraft.Fields.OccurredTime),
            DiscoveredDate = action.GetString(BreachReportDraft.Fields.DiscoveredDate),
            DiscoveredTime = action.GetString(BreachReportDraft.Fields.DiscoveredTime),
            Categories = action.GetString(BreachReportDraft.Fields.Categories),
            Groups = action.GetString(BreachReportDraft.Fields.Groups),
            Count = action.GetString(BreachReportDraft.Fields.Count),
            Protection = action.GetString(BreachReportDraft.Fields.Protection),
            Measures = action.GetString(BreachReportDraft.Fields.Measures),
            Description = action.GetString(BreachReportDraft.Fields.Description),
        };

        var submissionId = action.GetString("submissionId") is { Length: > 0 and <= 100 } id ? id : Guid.NewGuid().ToString("N");
        var reporter = BreachCaller.Reporter(turn);
        var validation = validator.Validate(draft, reporter);
        if (!validation.IsValid)
        {
            LogInvalid(logger, validation.Problems.Count, string.Join(",", validation.Problems.Select(problem => problem.Field).Distinct()));
            return CardActionResult.ReplaceCard(cards.Form(turn.Language, submissionId, reporter.Name, draft, validation.Problems));
        }

        var result = await register.SubmitAsync(validation.Report!, BreachCaller.IdempotencyKey(turn, action), cancellationToken);
        return CardActionResult.ReplaceCard(cards.Confirmation(turn.Language, result.Report));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Breach form returned with {Count} problems in fields {Fields}")]
    private static partial void LogInvalid(ILogger logger, int count, string fields);
}
