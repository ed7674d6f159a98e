// The floor of the load benchmark: Kestrel on the same machine with the same load generator, doing
// nothing but parsing the posted activity and returning a fixed expectReplies body. What the bot
// costs above this is the turn (Bot Framework layer, conversation, retrieval, card); what this costs
// is HTTP, JSON parsing and the load generator's own share of the 2 cores (bench/README.md).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
var app = builder.Build();
var reply = "{\"activities\":[{\"type\":\"message\",\"text\":\"ok\"}]}"u8.ToArray();
app.MapPost("/api/messages", async (HttpContext context) =>
{
    using var activity = await System.Text.Json.JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
    context.Response.ContentType = "application/json";
    context.Response.ContentLength = reply.Length;
    await context.Response.Body.WriteAsync(reply, context.RequestAborted);
});
app.MapGet("/healthz", () => "ok");
app.Run();
