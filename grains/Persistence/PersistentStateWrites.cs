namespace KMN.Orleans.Grains.Persistence;

public static class PersistentStateWrites
{
    /// <summary>
    /// Saves the state; when saving fails, drops the activation before rethrowing. Its copy may no longer
    /// match storage (changed in memory but never saved, or saved under an ETag we never received), and a
    /// retry answered from that copy would report "unchanged" for a write that was lost. The next call gets a
    /// fresh activation that reads the truth from storage.
    /// </summary>
    public static async Task WriteOrDeactivateAsync<T>(this IPersistentState<T> state, Grain grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
