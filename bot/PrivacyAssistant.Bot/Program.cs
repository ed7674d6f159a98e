using PrivacyAssistant.Bot.Addin;
using PrivacyAssistant.Bot.Cli;
using PrivacyAssistant.BotFramework.Hosting;
using PrivacyAssistant.Conversations;
using PrivacyAssistant.Conversations.Breaches;
using PrivacyAssistant.Conversations.Escalations;
using PrivacyAssistant.Conversations.Knowledge;
using PrivacyAssistant.Knowledge;
using PrivacyAssistant.Knowledge.AzureOpenAI;

if (AdminCommandLine.Handles(args))
{
    return await AdminCommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddBotFramework();
builder.Services.AddConversations();
builder.Services.AddBreachConversations();
builder.Services.AddAddin();
builder.Services.AddKnowledge();
builder.Services.AddKnowledgeAssistant();
builder.Services.AddKnowledgeConversation();
builder.Services.AddEscalationDesk();
builder.Services.AddBreachStartPlaceholder();
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/healthz");
app.MapBotMessages();
app.MapBreachExport();
app.MapAddin();
await app.RunAsync();
return 0;

/// <summary>The host's entry point (public for <c>WebApplicationFactory</c> in tests).</summary>
public partial class Program;
