namespace PrivacyAssistant.Storage.Migrations;

/// <summary>
/// Completes once the schema is migrated. Background jobs await <see cref="WhenReady"/> before
/// touching tables, whatever order the host starts them in.
/// </summary>
public sealed class StorageReadiness
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WhenReady => ready.Task;

    internal void MarkReady() => ready.TrySetResult();

    internal void MarkFailed(Exception exception) => ready.TrySetException(exception);
}
