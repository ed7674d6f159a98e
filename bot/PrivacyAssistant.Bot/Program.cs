using PrivacyAssistant.Bot.Addin;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAddin();

var app = builder.Build();

app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.MapAddin();

app.Run();

public partial class Program;
