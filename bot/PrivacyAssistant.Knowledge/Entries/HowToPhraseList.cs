namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>
/// <c>how-to-phrases.txt</c>: the Dutch and the English phrases of how-to and "werkt niet" questions. Read by
/// <see cref="HowToPhraseReader"/>; matched by <c>Answering.HowToQuestion</c>.
/// </summary>
/// <param name="File">The file name in the knowledge folder, for messages.</param>
public sealed record HowToPhraseList(string File, IReadOnlyList<HowToPhrase> Dutch, IReadOnlyList<HowToPhrase> English);
