namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>What a question's words say about its kind, for the rules on weak matches (<see cref="AnswerPolicy"/>).</summary>
public enum QuestionShape
{
    /// <summary>Asks permission, obligation or who may see, names personal data (<see cref="QuestionForm"/>) or names breaches.</summary>
    Privacy,

    /// <summary>None of the other shapes.</summary>
    Other,

    /// <summary>
    /// Asks how to operate something or says it does not work (<see cref="HowToQuestion"/>), names no people, and is not
    /// <see cref="Privacy"/>-shaped.
    /// </summary>
    HowTo,
}
