namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>
/// A question the desk answered or closed, as <c>export-examples</c> reads it: only the question and the entry the bot
/// found closest. Never the asker's name, where to reply, the officer or the desk's answer: an example question needs none
/// of them, and what is not read cannot leave the database.
/// </summary>
/// <param name="Question">The question as the asker typed it (stored with their consent; may contain personal data).</param>
/// <param name="BestEntryId">The entry the bot thought closest when it was asked, if any.</param>
public sealed record HandledQuestion(string Question, string? BestEntryId);
