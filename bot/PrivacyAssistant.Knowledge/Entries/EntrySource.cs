namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>A link the answer is based on, shown under the answer.</summary>
public sealed record EntrySource(string Title, Uri Url);
