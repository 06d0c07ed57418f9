namespace JourneyContent.Editing;

/// <summary>Where back-office accounts are kept.</summary>
/// <remarks>Emails are compared after <see cref="EditorAccount.NormaliseEmail"/>, so lookups ignore case and surrounding spaces.</remarks>
public interface IEditorAccountStore
{
    /// <summary>The account with this email (compared after normalisation), or null.</summary>
    Task<EditorAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>The account with this id, or null.</summary>
    Task<EditorAccount?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Adds an account; false when the email is already taken.</summary>
    Task<bool> CreateAsync(EditorAccount account, CancellationToken cancellationToken);

    /// <summary>Saves every field of an existing account except <see cref="EditorAccount.CreatedAt"/>, which never changes.</summary>
    /// <exception cref="InvalidOperationException">No account has this id, or another account has the new email.</exception>
    Task UpdateAsync(EditorAccount account, CancellationToken cancellationToken);

    /// <summary>All accounts, by email.</summary>
    Task<IReadOnlyList<EditorAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>How many accounts exist.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);
}
