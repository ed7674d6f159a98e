using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Schema;
using PrivacyAssistant.BotFramework.Tests.Support;
using PrivacyAssistant.Testing.Activities;

namespace PrivacyAssistant.BotFramework.Tests.Builder;

public sealed class TurnRouterTests
{
    private static TurnRouter Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        configure(services);
        var provider = services.BuildServiceProvider();
        return new TurnRouter(provider.GetServices<BotRoute>(), provider, NullLogger<TurnRouter>.Instance);
    }

    [Fact]
    public void SameVerbTwice_FailsAtStartUp()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(s => s.AddCardAction<TestCardActions>("faq.show").AddCardAction<TestCardActions>("faq.show")));

        Assert.Contains("faq.show", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameInvokeTwice_FailsAtStartUp() =>
        Assert.Throws<InvalidOperationException>(() => Build(s => s.AddInvokeHandler<PingInvoke>("x").AddInvokeHandler<PingInvoke>("x")));

    [Fact]
    public void AdaptiveCardActionAsInvokeName_IsRejectedInFavourOfVerbs() =>
        Assert.Throws<InvalidOperationException>(() => Build(s => s.AddInvokeHandler<PingInvoke>("adaptiveCard/action")));

    [Fact]
    public void Registration_AddsTheHandlerAsSingleton()
    {
        var services = new ServiceCollection().AddMessageHandler<EchoHandler>();

        Assert.Contains(services, d => d.ServiceType == typeof(EchoHandler) && d.Lifetime == ServiceLifetime.Singleton);
    }

    [Fact]
    public async Task Handler_IsResolvedOnce_ForAllTurns()
    {
        var constructions = new Constructions();
        await using var bot = TestBot.Create(s => s.AddSingleton(constructions).AddMessageHandler<CountedHandler>());

        for (var i = 0; i < 3; i++)
        {
            var result = await bot.SendAsync(TestActivities.Message($"hallo {i}", null).ExpectingReplies());
            Assert.Equal("counted", Assert.Single(((ExpectedReplies)result.Body!).Activities).Text);
        }

        Assert.Equal(1, constructions.Count);
    }

    [Fact]
    public async Task Handler_WhoseConstructionFailed_IsBuiltAgainOnTheNextTurn()
    {
        var constructions = new Constructions { FailFirst = true };
        await using var bot = TestBot.Create(s => s.AddSingleton(constructions).AddMessageHandler<CountedHandler>());

        var failed = await bot.SendAsync(TestActivities.Message("hallo", null).ExpectingReplies());
        var next = await bot.SendAsync(TestActivities.Message("hallo", null).ExpectingReplies());

        Assert.Empty(((ExpectedReplies)failed.Body!).Activities);
        Assert.Equal("counted", Assert.Single(((ExpectedReplies)next.Body!).Activities).Text);
        Assert.Equal(2, constructions.Count);
    }
}
