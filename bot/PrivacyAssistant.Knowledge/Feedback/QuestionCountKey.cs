namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>One row of <c>knowledge_question_counts</c>: day (Unix ms, UTC midnight), decision, entry ("" for none), language code.</summary>
internal readonly record struct QuestionCountKey(long Day, string Decision, string EntryId, string Language);
