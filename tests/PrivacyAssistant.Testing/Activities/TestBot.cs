using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PrivacyAssistant.BotFramework.Authentication;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Hosting;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.Testing.Activities;

/// <summary>
/// Runs turns in-process, without HTTP or authentication: the protocol layer plus whatever
/// <c>configure</c> registers (e.g. <c>services.AddConversations()</c>). Send activities with
/// <c>deliveryMode: expectReplies</c> to get the replies back, or give them a
/// <see cref="BotConnector.FakeBotConnector"/>'s service URL to see connector traffic.
/// </summary>
public sealed class TestBot : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestBot(ServiceProvider services) => _services = services;

    /// <summary>The bot's services.</summary>
    public IServiceProvider Services => _services;

    /// <summary>Builds a bot from <paramref name="configure"/> and optional configuration values (<c>Section:Key</c>).</summary>
    public static TestBot Create(Action<IServiceCollection> configure, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging();
        services.AddBotFramework();
        configure(services);
        return new TestBot(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
    }

    /// <summary>Runs one turn for <paramref name="activity"/>.</summary>
    public async Task<TurnResult> SendAsync(JsonObject activity, CancellationToken cancellationToken = default)
    {
        var parsed = activity.Deserialize<Activity>(BotJson.Options) ?? throw new ArgumentException("Not an activity.", nameof(activity));
        var processor = _services.GetRequiredService<ActivityProcessor>();
        return await processor.ProcessAsync(parsed, BotCallerIdentity.Anonymous, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
