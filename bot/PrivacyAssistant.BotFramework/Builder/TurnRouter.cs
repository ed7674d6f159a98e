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
/// <remarks>
/// Handlers are singletons, each resolved once, on the first turn that needs it, and kept in the
/// routing table: resolving the message handlers from a request scope on every turn (and the scope's
/// lock, contended at 200 turns in flight) was ≈ 4.5 % of a turn's CPU (RELIABILITY.md).
/// </remarks>
public sealed partial class TurnRouter
{
    private readonly IReadOnlyList<RouteHandler<IMessageHandler>> _messageRoutes;
    private readonly Dictionary<string, RouteHandler<ICardActionHandler>> _exactVerbs = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, RouteHandler<ICardActionHandler> Route)> _verbPrefixes = [];
    private readonly Dictionary<string, RouteHandler<IInvokeHandler>> _invokes = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<RouteHandler<IMembersAddedHandler>> _membersAdded;
    private readonly ILookup<string, RouteHandler<IActivityHandler>> _activityRoutes;
    private readonly Lazy<IFallbackHandler?> _fallback;
    private readonly ILogger<TurnRouter> _logger;

    /// <summary>Builds the routing table; duplicate verbs or invoke names fail here, at start-up.</summary>
    /// <param name="routes">The registered routes.</param>
    /// <param name="services">The provider the (singleton) handlers are resolved from, once each.</param>
    /// <param name="logger">The router's logger.</param>
    public TurnRouter(IEnumerable<BotRoute> routes, IServiceProvider services, ILogger<TurnRouter> logger)
    {
        _logger = logger;
        var all = routes.ToList();
        var handlers = new Dictionary<Type, Lazy<object>>();

        // One instance per handler type, however many routes (verbs) it serves.
        RouteHandler<T> Handler<T>(BotRoute route)
            where T : class
        {
            if (!handlers.TryGetValue(route.HandlerType, out var instance))
            {
                // PublicationOnly: a constructor that throws is tried again on the next turn, as before.
                instance = new Lazy<object>(() => services.GetRequiredService(route.HandlerType), LazyThreadSafetyMode.PublicationOnly);
                handlers.Add(route.HandlerType, instance);
            }

            return new RouteHandler<T>(route, instance);
        }

        // OrderBy is stable: handlers with the same order keep their registration order.
        _messageRoutes = all.Where(r => r.Kind == BotRouteKind.Message).OrderBy(r => r.Order).Select(Handler<IMessageHandler>).ToList();
        _membersAdded = all.Where(r => r.Kind == BotRouteKind.MembersAdded).Select(Handler<IMembersAddedHandler>).ToList();
        _activityRoutes = all.Where(r => r.Kind == BotRouteKind.Activity).Select(Handler<IActivityHandler>).ToLookup(r => r.Route.Key!, StringComparer.OrdinalIgnoreCase);
        _fallback = new Lazy<IFallbackHandler?>(services.GetService<IFallbackHandler>, LazyThreadSafetyMode.PublicationOnly);

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

                _verbPrefixes.Add((prefix, Handler<ICardActionHandler>(route)));
            }
            else if (!_exactVerbs.TryAdd(verb, Handler<ICardActionHandler>(route)))
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

            if (!_invokes.TryAdd(route.Key!, Handler<IInvokeHandler>(route)))
            {
                throw new InvalidOperationException($"Invoke '{route.Key}' is registered twice.");
            }
        }
    }

    /// <summary>Routes one turn.</summary>
    public async Task RouteAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.IsType(ActivityTypes.Message))
        {
            await RouteMessageAsync(turn, cancellationToken);
        }
        else if (activity.IsType(ActivityTypes.Invoke))
        {
            turn.InvokeResponse = await RouteInvokeAsync(turn, cancellationToken);
        }
        else if (activity.IsType(ActivityTypes.ConversationUpdate) && activity.MembersAdded is { Count: > 0 } added)
        {
            var botId = activity.Recipient?.Id;
            var members = added.Where(m => !IsBot(m, botId)).ToList();
            var addedEvent = new MembersAddedEvent(members, added.Count != members.Count);
            foreach (var route in _membersAdded)
            {
                LogRouted(_logger, activity.Type!, route.Name);
                await route.Handler.OnMembersAddedAsync(turn, addedEvent, cancellationToken);
            }
        }

        if (!activity.IsType(ActivityTypes.Message) && !activity.IsType(ActivityTypes.Invoke) && activity.Type is { } type)
        {
            foreach (var route in _activityRoutes[type])
            {
                LogRouted(_logger, type, route.Name);
                await route.Handler.HandleAsync(turn, cancellationToken);
            }
        }
    }

    private static bool IsBot(Schema.ChannelAccount member, string? botId) =>
        botId is not null && string.Equals(member.Id, botId, StringComparison.Ordinal);

    private async Task RouteMessageAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Value is JsonObject value && value["verb"] is JsonValue verbNode && verbNode.TryGetValue<string>(out var verb)
            && FindCardAction(verb) is { } cardRoute)
        {
            var data = (JsonObject)value.DeepClone();
            data.Remove("verb");
            var action = new CardAction(verb, data, CardActionKind.Submit, activity.ReplyToId);
            LogRouted(_logger, "Action.Submit", cardRoute.Name);
            var result = await cardRoute.Handler.HandleAsync(turn, action, cancellationToken);
            await ApplySubmitResultAsync(turn, action, result, cancellationToken);
            return;
        }

        foreach (var route in _messageRoutes)
        {
            var handler = route.Handler;
            if (handler.Matches(turn))
            {
                LogRouted(_logger, activity.Type!, route.Name);
                await handler.HandleAsync(turn, cancellationToken);
                return;
            }
        }

        if (_fallback.Value is { } fallback)
        {
            LogRouted(_logger, activity.Type!, fallback.GetType().Name);
            await fallback.HandleAsync(turn, cancellationToken);
        }
    }

    private async Task<InvokeResponse> RouteInvokeAsync(ITurnContext turn, CancellationToken cancellationToken)
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
            LogRouted(_logger, "Action.Execute", route.Name);
            var result = await route.Handler.HandleAsync(turn, action, cancellationToken);
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
            LogRouted(_logger, "invoke", invokeRoute.Name);
            return await invokeRoute.Handler.HandleAsync(turn, cancellationToken);
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

    private RouteHandler<ICardActionHandler>? FindCardAction(string verb)
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Routed {ActivityType} to {Handler}")]
    private static partial void LogRouted(ILogger logger, string activityType, string handler);

    [LoggerMessage(Level = LogLevel.Information, Message = "Action.Execute with an unknown verb")]
    private static partial void LogUnknownVerb(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update the card in place ({Status}); sending it as a new message")]
    private static partial void LogUpdateFailed(ILogger logger, int status);

    /// <summary>A route with its handler, resolved on first use (shared by the routes of one handler type).</summary>
    private sealed class RouteHandler<T>(BotRoute route, Lazy<object> instance)
        where T : class
    {
        public BotRoute Route { get; } = route;

        public string Name => Route.HandlerType.Name;

        public T Handler => (T)instance.Value;
    }
}
