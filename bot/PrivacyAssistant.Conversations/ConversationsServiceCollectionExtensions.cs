using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Conversations.Cards;
using PrivacyAssistant.Conversations.Common;
using PrivacyAssistant.Conversations.Help;
using PrivacyAssistant.Conversations.Welcome;

namespace PrivacyAssistant.Conversations;

/// <summary>Registers the conversation basics every feature builds on.</summary>
public static class ConversationsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="CardLibrary"/>, the welcome, the <c>help</c> command and verb (officers also see the
    /// officer topics features add with <see cref="HelpServiceCollectionExtensions.AddOfficerHelp"/>), the fallback
    /// and the apologising error handler. Features add their own routes next to this.
    /// </summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.TryAddSingleton<CardLibrary>();
        services.TryAddSingleton<HelpCard>();
        services.AddMembersAddedHandler<WelcomeHandler>();
        services.AddMessageHandler<HelpCommand>(RouteOrder.Commands);
        services.AddCardAction<HelpCardAction>(HelpCardAction.Verb);
        services.SetFallbackHandler<FallbackHandler>();
        services.SetTurnErrorHandler<ApologizingTurnErrorHandler>();
        return services;
    }
}
