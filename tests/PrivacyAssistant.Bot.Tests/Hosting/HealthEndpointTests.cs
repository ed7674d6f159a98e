using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PrivacyAssistant.Bot.Tests.Hosting;

public sealed class HealthEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task GetHealthz_ReturnsOk()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
