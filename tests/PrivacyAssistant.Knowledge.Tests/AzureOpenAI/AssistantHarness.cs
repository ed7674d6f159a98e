using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.AzureOpenAI;
using PrivacyAssistant.Testing.AzureOpenAI;

namespace PrivacyAssistant.Knowledge.Tests.AzureOpenAI;

/// <summary>
/// The assistant as the host registers it (<c>AddKnowledgeAssistant</c>), over the fixture knowledge
/// base, with the real Azure OpenAI SDK pointed at a <see cref="FakeAzureOpenAIServer"/> and a fake clock.
/// </summary>
internal sealed class AssistantHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TemporaryFolder _cacheFolder;

    private readonly bool _ownsServer;
    private readonly bool _ownsCache;

    private AssistantHarness(FakeAzureOpenAIServer server, ServiceProvider services, TemporaryFolder cacheFolder, FakeTimeProvider time, bool ownsServer, bool ownsCache)
    {
        _ownsServer = ownsServer;
        _ownsCache = ownsCache;
        Server = server;
        _services = services;
        _cacheFolder = cacheFolder;
        Time = time;
    }

    public FakeAzureOpenAIServer Server { get; }

    public FakeTimeProvider Time { get; }

    public IKnowledgeAssistant Assistant => _services.GetRequiredService<IKnowledgeAssistant>();

    public EntryEmbeddings Embeddings => _services.GetRequiredService<EntryEmbeddings>();

    public AzureOpenAIGuard Guard => _services.GetRequiredService<AzureOpenAIGuard>();

    public AzureOpenAIOptions Options => _services.GetRequiredService<AzureOpenAIOptions>();

    public string CachePath => Path.Combine(_cacheFolder.Path, "embeddings.json");

    public static async Task<AssistantHarness> StartAsync(
        Dictionary<string, string?>? settings = null,
        TokenCredential? credential = null,
        FakeAzureOpenAIServer? server = null,
        TemporaryFolder? cacheFolder = null,
        KnowledgeEngine? engine = null)
    {
        var ownsServer = server is null;
        var ownsCache = cacheFolder is null;
        server ??= await FakeAzureOpenAIServer.StartAsync();
        cacheFolder ??= new TemporaryFolder();
        var values = new Dictionary<string, string?>
        {
            ["AzureOpenAI:Endpoint"] = server.Endpoint,
            ["AzureOpenAI:ChatDeployment"] = FakeAzureOpenAIServer.ChatDeployment,
            ["AzureOpenAI:EmbeddingsDeployment"] = FakeAzureOpenAIServer.EmbeddingsDeployment,
            ["AzureOpenAI:ApiKey"] = FakeAzureOpenAIServer.ApiKey,
            ["AzureOpenAI:EmbeddingCachePath"] = Path.Combine(cacheFolder.Path, "embeddings.json"),
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(time);
        engine ??= TestKnowledge.Fixture;
        services.AddSingleton(engine);
        services.AddSingleton(engine.Answerer);
        if (credential is not null)
        {
            services.AddKeyedSingleton(AzureOpenAIOptions.SectionName, credential);
        }

        services.AddKnowledgeAssistant();
        return new AssistantHarness(server, services.BuildServiceProvider(), cacheFolder, time, ownsServer, ownsCache);
    }

    /// <summary>Loads the entry vectors (what the host does in the background at start-up).</summary>
    public async Task<AssistantHarness> WarmAsync()
    {
        Assert.True(await Embeddings.EnsureAsync(CancellationToken.None), "entry embeddings should load from the fake server");
        return this;
    }

    public IReadOnlyList<AzureOpenAIRequest> Requests(string operation) =>
        Server.Requests.Where(r => r.Operation == operation).ToList();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsServer)
        {
            await Server.DisposeAsync();
        }

        if (_ownsCache)
        {
            _cacheFolder.Dispose();
        }
    }
}
