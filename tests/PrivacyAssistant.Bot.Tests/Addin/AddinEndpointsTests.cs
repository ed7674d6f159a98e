using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PrivacyAssistant.Bot.Tests.Addin;

public sealed class AddinEndpointsTests : IDisposable
{
    private static readonly string RepoRoot = FindRepoRoot();
    private readonly string _files = Directory.CreateTempSubdirectory("pa-addin-files-").FullName;
    private readonly string _policyDir = Directory.CreateTempSubdirectory("pa-addin-policy-").FullName;

    public AddinEndpointsTests()
    {
        File.WriteAllText(Path.Combine(_files, "launchevent.js"), "(function(){ var url = \"%%PA_POLICY_URL%%\"; /* bundle */ })();");
        File.WriteAllText(Path.Combine(_files, "taskpane.html"), "<!doctype html><title>Privacycheck</title>");
        File.WriteAllText(Path.Combine(_files, "cli.mjs"), "// not for the web");
        File.Copy(Path.Combine(RepoRoot, "knowledge", "addin-policy.json"), Path.Combine(_policyDir, "addin-policy.json"));
        File.Copy(Path.Combine(RepoRoot, "knowledge", "addin-policy.schema.json"), Path.Combine(_policyDir, "addin-policy.schema.json"));
    }

    public void Dispose()
    {
        Directory.Delete(_files, recursive: true);
        Directory.Delete(_policyDir, recursive: true);
    }

    private WebApplicationFactory<Program> Factory(string? botId = "11111111-2222-3333-4444-555555555555") =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Addin:FilesPath", _files);
            b.UseSetting("Addin:PolicyPath", Path.Combine(_policyDir, "addin-policy.json"));
            b.UseSetting("Addin:PolicySchemaPath", Path.Combine(_policyDir, "addin-policy.schema.json"));
            b.UseSetting("Addin:TeamsBotId", botId);
        });

    [Fact]
    public async Task GetPolicy_ReturnsThePolicyWithTheBotIdFilledIn()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/addin/policy.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var policy = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("11111111-2222-3333-4444-555555555555", policy["knowledge"]!["botId"]!.GetValue<string>());
        Assert.Equal(1, policy["version"]!.GetValue<int>());
        Assert.Null(policy["$schema"]);
    }

    [Fact]
    public async Task GetPolicy_WithMatchingETag_Returns304()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();
        using var first = await client.GetAsync("/addin/policy.json");
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/addin/policy.json");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task GetAddinFiles_ServesScriptsAndPagesWithCacheHeaders_AndNothingElse()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();

        using var script = await client.GetAsync("/addin/launchevent.js");
        using var page = await client.GetAsync("/addin/taskpane.html");
        using var cli = await client.GetAsync("/addin/cli.mjs");
        using var escape = await client.GetAsync("/addin/..%2F..%2Fetc%2Fpasswd");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(600), script.Headers.CacheControl?.MaxAge);
        Assert.Contains("bundle", await script.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, cli.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, escape.StatusCode);
    }

    [Fact]
    public async Task GetEventBundle_WritesThisHostsPolicyUrlIntoTheScript()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();

        var script = await client.GetStringAsync("/addin/launchevent.js");

        Assert.Contains("var url = \"http://localhost/addin/policy.json\";", script);
        Assert.DoesNotContain("%%", script);
    }

    [Fact]
    public async Task GetEventBundle_WithAPublicBaseUrl_UsesIt()
    {
        using var factory = Factory().WithWebHostBuilder(b => b.UseSetting("Addin:PublicBaseUrl", "https://privacy.school.example/"));
        using var client = factory.CreateClient();

        var script = await client.GetStringAsync("/addin/launchevent.js");

        Assert.Contains("\"https://privacy.school.example/addin/policy.json\"", script);
    }

    [Fact]
    public async Task GetPolicy_WithoutABotId_LeavesLinksOff()
    {
        using var factory = Factory(botId: "");
        using var client = factory.CreateClient();

        var policy = JsonNode.Parse(await client.GetStringAsync("/addin/policy.json"))!;

        Assert.Equal("", policy["knowledge"]!["botId"]!.GetValue<string>());
    }

    [Fact]
    public void Startup_WithAnInvalidPolicy_FailsNamingTheFileAndTheProblem()
    {
        var path = Path.Combine(_policyDir, "addin-policy.json");
        var policy = JsonNode.Parse(File.ReadAllText(path))!;
        policy["recipients"]!["maxVisibleExternal"] = -3;
        File.WriteAllText(path, policy.ToJsonString());
        using var factory = Factory();

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = Flatten(error);
        Assert.Contains("addin-policy.json", message);
        Assert.Contains("maxVisibleExternal", message);
    }

    [Fact]
    public void Startup_WithAPolicyThatIsNotJson_FailsNamingTheFile()
    {
        File.WriteAllText(Path.Combine(_policyDir, "addin-policy.json"), "{ not json");
        using var factory = Factory();

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("addin-policy.json is invalid", Flatten(error));
    }

    private static string Flatten(Exception e) =>
        e is AggregateException a ? string.Join(" | ", a.InnerExceptions.Select(Flatten)) : e.Message + (e.InnerException is null ? "" : " | " + Flatten(e.InnerException));

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PrivacyAssistant.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
