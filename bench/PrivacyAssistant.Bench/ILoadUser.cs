namespace PrivacyAssistant.Bench;

/// <summary>One virtual user of an <see cref="ILoadClient"/>.</summary>
public interface ILoadUser
{
    /// <summary>Posts the workload's body <paramref name="bodyIndex"/> and reads the whole response.</summary>
    ValueTask<LoadResponse> PostAsync(int bodyIndex);
}
