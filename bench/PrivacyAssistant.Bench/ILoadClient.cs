namespace PrivacyAssistant.Bench;

/// <summary>
/// How the load generator sends <c>POST /api/messages</c> (<c>--client</c>): <see cref="HttpClientLoadClient"/>
/// (default) or <see cref="RawHttpLoadClient"/>, which costs the generator less CPU on the shared cores.
/// </summary>
public interface ILoadClient : IAsyncDisposable
{
    /// <summary>The name in the results header.</summary>
    string Name { get; }

    /// <summary>Virtual user <paramref name="index"/> (0 … concurrency − 1); one user sends one request at a time.</summary>
    ILoadUser User(int index);
}
