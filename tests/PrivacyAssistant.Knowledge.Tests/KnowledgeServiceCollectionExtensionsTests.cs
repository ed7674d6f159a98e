using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PrivacyAssistant.Knowledge.Tests;

/// <summary>The knowledge registrations share one binding and validation of the <c>Knowledge</c> section.</summary>
public sealed class KnowledgeServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void BadKnowledgeOption_WithTheEngineAndTheFeedbackStore_IsReportedOnce(bool engineFirst)
    {
        using var services = Build(new() { ["Knowledge:AnswerThreshold"] = "42" }, engineFirst);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<KnowledgeOptions>>().Value);

        var failure = Assert.Single(error.Failures);
        Assert.Contains("AnswerThreshold", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ThresholdsInTheWrongOrder_AreRefused_WhicheverRegistrationCameFirst(bool engineFirst)
    {
        using var services = Build(new() { ["Knowledge:AnswerThreshold"] = "0.3", ["Knowledge:NoneThreshold"] = "0.5" }, engineFirst);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<KnowledgeOptions>>().Value);

        Assert.Equal("Knowledge:NoneThreshold must not be above Knowledge:AnswerThreshold.", Assert.Single(error.Failures));
    }

    [Fact]
    public void GoodKnowledgeOptions_AreBoundOnce_FromTheSection()
    {
        using var services = Build(new() { ["Knowledge:AnswerThreshold"] = "0.8", ["Knowledge:QuestionCountFlushInterval"] = "00:00:30" }, engineFirst: false);

        var options = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value;

        Assert.Equal((0.8, TimeSpan.FromSeconds(30)), (options.AnswerThreshold, options.QuestionCountFlushInterval));
        Assert.Single(services.GetServices<IValidateOptions<KnowledgeOptions>>(), validator => validator is DataAnnotationValidateOptions<KnowledgeOptions>);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, bool engineFirst)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        if (engineFirst)
        {
            services.AddKnowledge().AddKnowledgeFeedback();
        }
        else
        {
            services.AddKnowledgeFeedback().AddKnowledge();
        }

        return services.BuildServiceProvider();
    }
}
