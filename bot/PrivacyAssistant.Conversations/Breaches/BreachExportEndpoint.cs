using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Breaches;
using PrivacyAssistant.Breaches.Export;
using PrivacyAssistant.Breaches.Officers;
using PrivacyAssistant.Breaches.Register;

namespace PrivacyAssistant.Conversations.Breaches;

public static partial class BreachExportEndpoint
{
    /// <summary><c>GET /breaches/export.csv?token=…</c>: the register as CSV for the officer the bot issued the link to.</summary>
    public static IEndpointRouteBuilder MapBreachExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(BreachExportLinks.Path, ExportAsync);
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(
        string? token,
        BreachExportLinks links,
        IOfficerDirectory officers,
        IBreachRegister register,
        IOptions<BreachesOptions> options,
        TimeProvider timeProvider,
        ILoggerFactory loggers,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(BreachExportEndpoint));
        context.Response.Headers.CacheControl = "no-store";
        if (links.Validate(token) is not { } holder || !await officers.IsOfficerAsync(holder.OfficerId, cancellationToken))
        {
            LogRefused(logger);
            return Results.Text("This link is not valid (any more). Ask the bot for a new one: \"register exporteren\".", "text/plain", statusCode: StatusCodes.Status403Forbidden);
        }

        var reports = await register.ListAllAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var csv = BreachRegisterCsv.Write(reports, holder.Language, options.Value.Zone(), now);
        LogExported(logger, reports.Count);
        var name = string.Create(CultureInfo.InvariantCulture, $"datalekregister-{TimeZoneInfo.ConvertTime(now, options.Value.Zone()):yyyy-MM-dd}.csv");
        return Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", name);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Breach register export refused: invalid or expired link, or no longer an officer")]
    private static partial void LogRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Breach register exported ({Count} reports)")]
    private static partial void LogExported(ILogger logger, int count);
}
