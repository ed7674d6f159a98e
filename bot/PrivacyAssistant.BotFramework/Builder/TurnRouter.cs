using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyAssistant.BotFramework.Connector;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>
/// Routes a turn to the registered handlers: card actions by verb (Action.Execute invokes and
/// Action.Submit messages alike), messages by ordered match, members added, invokes by name, other
/// activity types, and the fallback. Knows nothing about the features behind the handlers.
/// </summary>
public sealed partial class TurnRouter
{
    private readonly IReadOnlyList<BotRoute> _messageRoutes;
    private readonly Dictionary<string, BotRoute> _exactVerbs = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, BotRoute Route)> _verbPrefixes = [];
    private readonly Dictionary<string, BotRoute> _invokes = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<BotRoute> _membersAdded;
    private readonly ILookup<string, BotRoute> _activityRoutes;
    private readonly ILogger<TurnRouter> _logger;

    /// <summary>Builds the routing table; duplicate verbs or invoke names fail here, at start-up.</summary>
    public TurnRouter(IEnumerable<BotRoute> routes, ILogger<TurnRouter> logger)
    {
        _logger = logger;
        var all = routes.ToList();

        // OrderBy is stable: handlers with the same order keep their registration order.
        _messageRoutes = all.Where(r => r.Kind == BotRouteKind.Message).OrderBy(r => r.Order).ToList();
        _membersAdded = all.Where(r => r.Kind == BotRouteKind.MembersAdded).ToList();
        _activityRoutes = all.Where(r => r.Kind == BotRouteKind.Activity).ToLookup(r => r.Key!, StringComparer.OrdinalIgnoreCase);

        foreach (var route in all.Where(r => r.Kind == BotRouteKind.CardAction))
        {
            var verb = route.Key!;
            if (verb.EndsWith(".*", StringComparison.Ordinal))
            {
                var prefix = verb[..^1];
                if (_verbPrefixes.Any(p => p.Prefix == prefix))
                {
                    throw new InvalidOperationException($"Card action verb '{verb}' is registered twice.");
                }

                _verbPrefixes.Add((prefix, route));
            }
            else if (!_exactVerbs.TryAdd(verb, route))
            {
                throw new InvalidOperationException($"Card action verb '{verb}' is registered twice.");
            }
        }

        // Longest prefix first, so "breach.officer.*" beats "breach.*".
        _verbPrefixes.Sort((a, b) => b.Prefix.Length.CompareTo(a.Prefix.Length));

        foreach (var route in all.Where(r => r.Kind == BotRouteKind.Invoke))
        {
            if (route.Key == InvokeNames.AdaptiveCardAction)
            {
                throw new InvalidOperationException($"'{InvokeNames.AdaptiveCardAction}' is routed by verb; register card actions with AddCardAction.");
            }

            if (!_invokes.TryAdd(route.Key!, route))
            {
                throw new InvalidOperationException($"Invoke '{route.Key}' is registered twice.");
            }
        }
    }

    /// <summary>Routes one turn. Handlers come from <paramref name="services"/> (the request's scope).</summary>
    public async Task RouteAsync(ITurnContext turn, IServiceProvider services, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.IsType(ActivityTypes.Message))
        {
            await RouteMessageAsync(turn, services, cancellationToken);
        }
        else if (activity.IsType(ActivityTypes.Invoke))
        {
            turn.InvokeResponse = await RouteInvokeAsync(turn, services, cancellationToken);
        }
        else if (activity.IsType(ActivityTypes.ConversationUpdate) && activity.MembersAdded is { Count: > 0 } added)
        {
            var botId = activity.Recipient?.Id;
            var members = added.Where(m => !IsBot(m, botId)).ToList();
            var addedEvent = new MembersAddedEvent(members, added.Count != members.Count);
            foreach (var route in _membersAdded)
            {
                LogRouted(_logger, activity.Type!, route.HandlerType.Name);
                await Resolve<IMembersAddedHandler>(services, route).OnMembersAddedAsync(turn, addedEvent, cancellationToken);
            }
        }

        if (!activity.IsType(ActivityTypes.Message) && !activity.IsType(ActivityTypes.Invoke) && activity.Type is { } type)
        {
            foreach (var route in _activityRoutes[type])
            {
                LogRouted(_logger, type, route.HandlerType.Name);
                await Resolve<IActivityHandler>(services, route).HandleAsync(turn, cancellationToken);
            }
        }
    }

    private static bool IsBot(Schema.ChannelAccount member, string? botId) =>
        botId is not null && string.Equals(member.Id, botId, StringComparison.Ordinal);

    private async Task RouteMessageAsync(ITurnContext turn, IServiceProvider services, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Value is JsonObject value && value["verb"] is JsonValue verbNode && verbNode.TryGetValue<string>(out var verb)
            && FindCardAction(verb) is { } cardRoute)
        {
            var data = (JsonObject)value.DeepClone();
            data.Remove("verb");
            var action = new CardAction(verb, data, CardActionKind.Submit, activity.ReplyToId);
            LogRouted(_logger, "Action.Submit", cardRoute.HandlerType.Name);
            var result = await Resolve<ICardActionHandler>(services, cardRoute).HandleAsync(turn, action, cancellationToken);
            await ApplySubmitResultAsync(turn, action, result, cancellationToken);
            return;
        }

        foreach (var route in _messageRoutes)
        {
            var handler = Resolve<IMessageHandler>(services, route);
            if (handler.Matches(turn))
            {
                LogRouted(_logger, activity.Type!, route.HandlerType.Name);
                await handler.HandleAsync(turn, cancellationToken);
                return;
            }
        }

        if (services.GetService<IFallbackHandler>() is { } fallback)
        {
            LogRouted(_logger, activity.Type!, fallback.GetType().Name);
            await fallback.HandleAsync(turn, cancellationToken);
        }
    }

    private async Task<InvokeResponse> RouteInvokeAsync(ITurnContext turn, IServiceProvider services, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Name == InvokeNames.AdaptiveCardAction)
        {
            if (activity.Value?["action"] is not JsonObject actionNode
                || actionNode["verb"] is not JsonValue verbNode
                || !verbNode.TryGetValue<string>(out var verb)
                || string.IsNullOrWhiteSpace(verb))
            {
                return new InvokeResponse(200, AdaptiveCardInvokeResponse.Error(400, "BadRequest", "The action has no verb."));
            }

            if (FindCardAction(verb) is not { } route)
            {
                LogUnknownVerb(_logger);
                return new InvokeResponse(200, AdaptiveCardInvokeResponse.Error(400, "NotSupported", "This action is not supported (anymore)."));
            }

            var data = actionNode["data"] is JsonObject d ? (JsonObject)d.DeepClone() : [];
            data.Remove("verb");
            var trigger = activity.Value?["trigger"] is JsonValue t && t.TryGetValue<string>(out var triggerText) ? triggerText : null;
            var action = new CardAction(verb, data, CardActionKind.Execute, activity.ReplyToId, trigger);
            LogRouted(_logger, "Action.Execute", route.HandlerType.Name);
            var result = await Resolve<ICardActionHandler>(services, route).HandleAsync(turn, action, cancellationToken);
            return new InvokeResponse(200, result switch
            {
                CardActionResult.Card card => AdaptiveCardInvokeResponse.Card(card.Content),
                CardActionResult.Text text => AdaptiveCardInvokeResponse.Message(text.Value),
                CardActionResult.Failure failure => AdaptiveCardInvokeResponse.Error(failure.StatusCode, failure.StatusCode >= 500 ? "InternalError" : "BadRequest", failure.ErrorMessage),
                _ => throw new InvalidOperationException("Unknown card action result."),
            });
        }

        if (activity.Name is { } name && _invokes.TryGetValue(name, out var invokeRoute))
        {
            LogRouted(_logger, "invoke", invokeRoute.HandlerType.Name);
            return await Resolve<IInvokeHandler>(services, invokeRoute).HandleAsync(turn, cancellationToken);
        }

        return InvokeResponse.NotImplemented;
    }

    private async Task ApplySubmitResultAsync(ITurnContext turn, CardAction action, CardActionResult result, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case CardActionResult.Card card:
                if (action.CardActivityId is { Length: > 0 } cardId && turn.Activity.ServiceUrl is { Length: > 0 })
                {
                    var update = MessageFactory.Card(card.Content);
                    update.Id = cardId;
                    try
                    {
                        await turn.UpdateActivityAsync(update, cancellationToken);
                        return;
                    }
                    catch (ConnectorException ex)
                    {
                        // Some channels cannot update (or the card is gone); the user still gets the new card.
                        LogUpdateFailed(_logger, (int)ex.StatusCode);
                    }
                }

                await turn.SendActivityAsync(MessageFactory.Card(card.Content), cancellationToken);
                break;
            default:
                await turn.SendAsMessageAsync(result, cancellationToken);
                break;
        }
    }

    private BotRoute? FindCardAction(string verb)
    {
        if (_exactVerbs.TryGetValue(verb, out var route))
        {
            return route;
        }

        foreach (var (prefix, prefixRoute) in _verbPrefixes)
        {
            if (verb.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefixRoute;
            }
        }

        return null;
    }

    private static T Resolve<T>(IServiceProvider services, BotRoute route) => (T)services.GetRequiredService(route.HandlerType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Routed {ActivityType} to {Handler}")]
    private static partial void LogRouted(ILogger logger, string activityType, string handler);

    [LoggerMessage(Level = LogLevel.Information, Message = "Action.Execute with an unknown verb")]
    private static partial void LogUnknownVerb(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update the card in place ({Status}); sending it as a new message")]
    private static partial void LogUpdateFailed(ILogger logger, int status);
}
