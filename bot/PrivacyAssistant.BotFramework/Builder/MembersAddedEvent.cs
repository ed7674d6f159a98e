using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>Members joined a conversation (conversationUpdate).</summary>
/// <param name="Members">The members added, without the bot itself.</param>
/// <param name="BotAdded">True when the bot itself was among them (it was just installed or added).</param>
public sealed record MembersAddedEvent(IReadOnlyList<ChannelAccount> Members, bool BotAdded);
