using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyAssistant.BotFramework.Authentication;
using PrivacyAssistant.BotFramework.Connector;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>
/// Runs one authenticated, well-formed activity through the <see cref="TurnRouter"/> and turns the
/// outcome into the HTTP answer: the invoke response, <c>{"activities":[…]}</c> for expectReplies, or
/// an empty 200. A failing handler is logged (exception type only), the <see cref="ITurnErrorHandler"/>
/// is called, and the answer is 500 (invokes: an error invoke response).
/// Tests of features can call this directly with an expectReplies activity.
/// </summary>
public sealed partial class ActivityProcessor(TurnRouter router, IConnectorClientFactory connectors, IServiceProvider services, ILogger<ActivityProcessor> logger)
{
    // A singleton like the handlers, resolved once (on the first failing turn).
    private readonly Lazy<ITurnErrorHandler?> _errorHandler = new(services.GetService<ITurnErrorHandler>, LazyThreadSafetyMode.PublicationOnly);

    /// <summary>Processes <paramref name="activity"/> with the registered handlers.</summary>
    public async Task<TurnResult> ProcessAsync(Activity activity, BotCallerIdentity caller, CancellationToken cancellationToken)
    {
        var turn = new TurnContext(activity, caller, connectors);
        var failed = false;
        try
        {
            await router.RouteAsync(turn, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            failed = true;
            LogTurnFailed(logger, activity.Type ?? "?", ex.GetType().Name, (ex as ConnectorException)?.ErrorCode);
            if (_errorHandler.Value is { } errorHandler)
            {
                try
                {
                    await errorHandler.OnTurnErrorAsync(turn, ex, cancellationToken);
                }
                catch (Exception inner) when (!cancellationToken.IsCancellationRequested)
                {
                    LogErrorHandlerFailed(logger, inner.GetType().Name);
                }
            }
        }

        if (activity.IsType(ActivityTypes.Invoke))
        {
            if (failed)
            {
                return activity.Name == InvokeNames.AdaptiveCardAction
                    ? new TurnResult(200, AdaptiveCardInvokeResponse.Error(500, "InternalError", "The action failed."), [])
                    : new TurnResult(500, null, []);
            }

            var response = turn.InvokeResponse ?? InvokeResponse.NotImplemented;
            return new TurnResult(response.Status, response.Body, []);
        }

        if (turn.ExpectsReplies)
        {
            var replies = turn.BufferedReplies.ToList();
            return new TurnResult(200, new ExpectedReplies { Activities = replies }, replies);
        }

        return new TurnResult(failed ? 500 : 200, null, []);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {ActivityType} turn failed with {ExceptionType} (connector code {ConnectorCode})")]
    private static partial void LogTurnFailed(ILogger logger, string activityType, string exceptionType, string? connectorCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "The turn error handler failed with {ExceptionType}")]
    private static partial void LogErrorHandlerFailed(ILogger logger, string exceptionType);
}
