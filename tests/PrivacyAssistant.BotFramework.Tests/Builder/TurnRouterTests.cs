using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Tests.Support;

namespace PrivacyAssistant.BotFramework.Tests.Builder;

public sealed class TurnRouterTests
{
    private static TurnRouter Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        configure(services);
        return new TurnRouter(services.BuildServiceProvider().GetServices<BotRoute>(), NullLogger<TurnRouter>.Instance);
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
    public void Registration_AddsTheHandlerAsScoped()
    {
        var services = new ServiceCollection().AddMessageHandler<EchoHandler>();

        Assert.Contains(services, d => d.ServiceType == typeof(EchoHandler) && d.Lifetime == ServiceLifetime.Scoped);
    }
}
