using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Storage.Migrations;
using PrivacyAssistant.Storage.Retention;

namespace PrivacyAssistant.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>Storage</c> section, the <see cref="IDbConnectionFactory"/> for the
    /// configured provider, the start-up migration runner and the retention job. Idempotent.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(StorageReadiness)))
        {
            return services;
        }

        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(
                o => o.Provider != StorageProvider.Postgres || !string.IsNullOrWhiteSpace(o.Postgres.ConnectionString),
                "Storage:Postgres:ConnectionString is required when Storage:Provider is Postgres.")
            .Validate(
                o => o.Provider != StorageProvider.Sqlite || !string.IsNullOrWhiteSpace(o.Sqlite.Path),
                "Storage:Sqlite:Path must not be empty.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IDbConnectionFactory>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (options.Provider == StorageProvider.Postgres)
            {
                return new PostgresConnectionFactory(options.Postgres.ConnectionString!);
            }

            var path = options.Sqlite.Path;
            if (!Path.IsPathRooted(path))
            {
                var contentRoot = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
                path = Path.Combine(contentRoot, path);
            }

            return new SqliteConnectionFactory(path, options.Sqlite.BusyTimeout);
        });

        services.AddSingleton<StorageReadiness>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<RetentionPurger>();

        // Registered here, before the features' own background services, so the schema exists
        // before they start; they still await StorageReadiness to be independent of order.
        services.AddHostedService<MigrationHostedService>();
        services.AddHostedService<RetentionJob>();
        return services;
    }

    /// <summary>Adds a feature's migrations; sets run in registration order, each in list order.</summary>
    public static IServiceCollection AddMigrations(this IServiceCollection services, string feature, params Migration[] migrations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feature);
        services.AddSingleton(new MigrationSet(feature, migrations));
        return services;
    }

    /// <summary>Declares how long rows of a table are kept (fixed age).</summary>
    public static IServiceCollection AddRetentionRule(this IServiceCollection services, RetentionRule rule)
    {
        rule.Validate();
        services.AddSingleton(rule);
        return services;
    }

    /// <summary>Declares how long rows of a table are kept, with the age read from the feature's options.</summary>
    public static IServiceCollection AddRetentionRule(this IServiceCollection services, Func<IServiceProvider, RetentionRule> rule)
    {
        services.AddSingleton(rule);
        return services;
    }
}
