namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>One word of a word list, with the line it is on (for messages that point the editor at it).</summary>
public sealed record ListedWord(string Word, int Line);
