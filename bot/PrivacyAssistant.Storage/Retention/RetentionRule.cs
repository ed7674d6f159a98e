using System.Text.RegularExpressions;

namespace PrivacyAssistant.Storage.Retention;

/// <summary>
/// Rows of <paramref name="Table"/> whose <paramref name="TimestampColumn"/> (epoch ms) is older
/// than <paramref name="MaxAge"/> are deleted by the retention job. <paramref name="Condition"/>
/// optionally narrows the purge (e.g. <c>status = 'delivered'</c>); it is SQL written in code,
/// never user input. <paramref name="Reason"/> is what <c>docs/data-retention.md</c> says.
/// </summary>
public sealed partial record RetentionRule(string Table, string TimestampColumn, TimeSpan MaxAge, string Reason, string? Condition = null)
{
    public void Validate()
    {
        if (!Identifier().IsMatch(Table) || !Identifier().IsMatch(TimestampColumn))
        {
            throw new InvalidOperationException($"Retention rule has an invalid table or column name: '{Table}.{TimestampColumn}'.");
        }

        if (MaxAge <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"Retention rule for '{Table}' needs a positive maximum age.");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Identifier();
}
