namespace PrivacyAssistant.Knowledge;

/// <summary>Finds the knowledge folder from configuration, the repository or the build output.</summary>
public static class KnowledgeFolder
{
    public const string DefaultName = "knowledge";

    /// <summary>
    /// A configured path wins (relative to the current directory, else to the application folder).
    /// Without one: the nearest <c>knowledge/entries</c> above the current directory (a checkout
    /// being edited), else <c>knowledge</c> in the application folder (the build copies it there).
    /// </summary>
    public static string Resolve(string? configured, string? currentDirectory = null, string? applicationDirectory = null)
    {
        currentDirectory ??= Directory.GetCurrentDirectory();
        applicationDirectory ??= AppContext.BaseDirectory;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (System.IO.Path.IsPathRooted(configured))
            {
                return System.IO.Path.GetFullPath(configured);
            }

            var fromCurrent = System.IO.Path.GetFullPath(configured, currentDirectory);
            var fromApplication = System.IO.Path.GetFullPath(configured, applicationDirectory);
            return Directory.Exists(fromCurrent) || !Directory.Exists(fromApplication) ? fromCurrent : fromApplication;
        }

        for (var directory = new DirectoryInfo(currentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, DefaultName);
            if (Directory.Exists(System.IO.Path.Combine(candidate, "entries")))
            {
                return candidate;
            }
        }

        return System.IO.Path.GetFullPath(System.IO.Path.Combine(applicationDirectory, DefaultName));
    }
}
