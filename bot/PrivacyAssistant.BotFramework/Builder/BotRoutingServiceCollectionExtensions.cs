using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>
/// How features plug into the turn router. Each call registers the handler type (a singleton, which
/// the <see cref="TurnRouter"/> resolves once, on the first turn that needs it) and a <see cref="BotRoute"/>;
/// a feature's <c>AddXxx()</c> is a few of these calls. A handler therefore takes only singleton
/// dependencies and keeps no state of a turn in fields (the turn comes in as <see cref="ITurnContext"/>).
/// </summary>
public static class BotRoutingServiceCollectionExtensions
{
    /// <summary>Adds a message handler tried at <paramref name="order"/> (lower first; see <see cref="RouteOrder"/>).</summary>
    public static IServiceCollection AddMessageHandler<THandler>(this IServiceCollection services, int order = RouteOrder.Default)
        where THandler : class, IMessageHandler =>
        services.AddRoute<THandler>(BotRouteKind.Message, null, order);

    /// <summary>
    /// Adds the handler of card actions with <paramref name="verb"/> (Action.Execute and Action.Submit alike).
    /// A verb ending in <c>.*</c> (e.g. <c>breach.*</c>) matches every verb with that prefix; exact verbs win.
    /// Registering the same verb twice fails at start-up.
    /// </summary>
    public static IServiceCollection AddCardAction<THandler>(this IServiceCollection services, string verb)
        where THandler : class, ICardActionHandler
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        return services.AddRoute<THandler>(BotRouteKind.CardAction, verb, 0);
    }

    /// <summary>Adds the handler of invoke activities named <paramref name="name"/>.</summary>
    public static IServiceCollection AddInvokeHandler<THandler>(this IServiceCollection services, string name)
        where THandler : class, IInvokeHandler
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return services.AddRoute<THandler>(BotRouteKind.Invoke, name, 0);
    }

    /// <summary>Adds a handler run when members join a conversation (the bot itself is left out of the list).</summary>
    public static IServiceCollection AddMembersAddedHandler<THandler>(this IServiceCollection services)
        where THandler : class, IMembersAddedHandler =>
        services.AddRoute<THandler>(BotRouteKind.MembersAdded, null, 0);

    /// <summary>Adds a handler of activities of <paramref name="activityType"/> (other than message and invoke).</summary>
    public static IServiceCollection AddActivityHandler<THandler>(this IServiceCollection services, string activityType)
        where THandler : class, IActivityHandler
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityType);
        return services.AddRoute<THandler>(BotRouteKind.Activity, activityType, 0);
    }

    /// <summary>Sets the handler of messages no other handler took (replaces an earlier one).</summary>
    public static IServiceCollection SetFallbackHandler<THandler>(this IServiceCollection services)
        where THandler : class, IFallbackHandler
    {
        services.Replace(ServiceDescriptor.Singleton<IFallbackHandler, THandler>());
        return services;
    }

    /// <summary>Sets the handler called when a turn fails (replaces an earlier one).</summary>
    public static IServiceCollection SetTurnErrorHandler<THandler>(this IServiceCollection services)
        where THandler : class, ITurnErrorHandler
    {
        services.Replace(ServiceDescriptor.Singleton<ITurnErrorHandler, THandler>());
        return services;
    }

    private static IServiceCollection AddRoute<THandler>(this IServiceCollection services, BotRouteKind kind, string? key, int order)
        where THandler : class
    {
        services.TryAddSingleton<THandler>();
        services.AddSingleton(new BotRoute(kind, key, order, typeof(THandler)));
        return services;
    }
}
