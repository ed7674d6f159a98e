namespace PrivacyAssistant.Breaches.Reports;

/// <summary>
/// Who reported, taken from the Teams activity (never typed): the Entra object id (to show
/// reporters their own reports and for officers to contact them) and the display name. No e-mail
/// address or other profile data is kept.
/// </summary>
public sealed record Reporter(string Id, string Name);
