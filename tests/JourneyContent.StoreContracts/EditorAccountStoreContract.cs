using JourneyContent.Editing;

namespace JourneyContent.StoreContracts;

/// <summary>
/// What every <see cref="IEditorAccountStore"/> does, whatever the database: each provider's test project derives from
/// this class and gives it a store on a new, migrated database.
/// </summary>
public abstract class EditorAccountStoreContract : IAsyncLifetime
{
    private IEditorAccountStore? _store;

    /// <summary>The store under test.</summary>
    protected IEditorAccountStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>A store on a new, migrated, empty database.</summary>
    protected abstract Task<IEditorAccountStore> CreateStoreAsync();

    /// <summary>Removes the database of <see cref="CreateStoreAsync"/>.</summary>
    protected abstract Task DeleteStoreAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => DeleteStoreAsync();

    private static EditorAccount Account(string email, params string[] roles) => new()
    {
        Email = email,
        DisplayName = "Display " + email,
        Roles = roles.Length == 0 ? [JourneyRoles.Editor] : roles,
        PasswordHash = "AQAAAAIAAYagAAAAE-hash-of-" + email,
        // A non-UTC offset, to check that instants survive the trip through UTC; stores keep times to the microsecond.
        CreatedAt = new DateTimeOffset(2026, 3, 2, 10, 30, 15, TimeSpan.FromHours(1)).AddTicks(1234560),
    };

    private static void AssertSame(EditorAccount expected, EditorAccount? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Roles, actual.Roles);
        // Roles compared above; the records are otherwise equal field by field.
        Assert.Equal(expected with { Roles = actual.Roles }, actual);
    }

    [Fact]
    public async Task A_created_account_is_found_by_id_and_by_email_whatever_its_case()
    {
        var account = Account("ada@example.com", JourneyRoles.Editor, JourneyRoles.Marketer);

        Assert.True(await Store.CreateAsync(account, default));

        AssertSame(account, await Store.FindByIdAsync(account.Id, default));
        AssertSame(account, await Store.FindByEmailAsync("ada@example.com", default));
        AssertSame(account, await Store.FindByEmailAsync("  ADA@Example.Com ", default));
    }

    [Fact]
    public async Task Unknown_emails_and_ids_find_nothing()
    {
        await Store.CreateAsync(Account("ada@example.com"), default);

        Assert.Null(await Store.FindByEmailAsync("grace@example.com", default));
        Assert.Null(await Store.FindByIdAsync(Guid.NewGuid(), default));
    }

    [Fact]
    public async Task A_second_account_with_the_same_email_in_another_case_is_refused()
    {
        var first = Account("ada@example.com");
        await Store.CreateAsync(first, default);

        var created = await Store.CreateAsync(Account("  ADA@example.COM") with { DisplayName = "Impostor" }, default);

        Assert.False(created);
        Assert.Equal(1, await Store.CountAsync(default));
        Assert.Equal(first.DisplayName, (await Store.FindByEmailAsync("ada@example.com", default))!.DisplayName);
    }

    [Fact]
    public async Task Updating_saves_every_field_but_the_creation_time()
    {
        var account = Account("ada@example.com");
        await Store.CreateAsync(account, default);
        var at = new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero);
        var changed = account with
        {
            Email = "ada.lovelace@example.com",
            DisplayName = "Ada Lovelace",
            Roles = [JourneyRoles.Admin],
            PasswordHash = "new-hash",
            FailedSignInCount = 3,
            FirstFailedSignInAt = at,
            LockedOutUntil = at.AddMinutes(15),
            LastSignInAt = at.AddDays(-1),
            SecurityStamp = "new-stamp",
            CreatedAt = at,
        };

        await Store.UpdateAsync(changed, default);

        AssertSame(changed with { CreatedAt = account.CreatedAt }, await Store.FindByIdAsync(account.Id, default));
        Assert.Null(await Store.FindByEmailAsync("ada@example.com", default));
    }

    [Fact]
    public async Task Clearing_nullable_fields_is_saved()
    {
        var account = Account("ada@example.com") with { LockedOutUntil = DateTimeOffset.UnixEpoch, FirstFailedSignInAt = DateTimeOffset.UnixEpoch, LastSignInAt = DateTimeOffset.UnixEpoch };
        await Store.CreateAsync(account, default);

        await Store.UpdateAsync(account with { LockedOutUntil = null, FirstFailedSignInAt = null, LastSignInAt = null }, default);

        var found = await Store.FindByIdAsync(account.Id, default);
        Assert.Null(found!.LockedOutUntil);
        Assert.Null(found.FirstFailedSignInAt);
        Assert.Null(found.LastSignInAt);
    }

    [Fact]
    public async Task Updating_an_account_that_does_not_exist_throws()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.UpdateAsync(Account("ghost@example.com"), default));

        Assert.Contains("No account", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Store.CountAsync(default));
    }

    [Fact]
    public async Task Updating_to_an_email_another_account_has_throws_and_changes_nothing()
    {
        var ada = Account("ada@example.com");
        var grace = Account("grace@example.com");
        await Store.CreateAsync(ada, default);
        await Store.CreateAsync(grace, default);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.UpdateAsync(grace with { Email = "ADA@example.com" }, default));

        Assert.Contains("ada@example.com", ex.Message, StringComparison.Ordinal);
        AssertSame(grace, await Store.FindByIdAsync(grace.Id, default));
    }

    [Fact]
    public async Task Listing_returns_every_account_by_email_and_count_agrees()
    {
        foreach (var email in new[] { "carol@example.com", "ada@example.com", "bob@example.com" })
        {
            await Store.CreateAsync(Account(email), default);
        }

        var accounts = await Store.ListAsync(default);

        Assert.Equal(["ada@example.com", "bob@example.com", "carol@example.com"], accounts.Select(a => a.Email));
        Assert.Equal(3, await Store.CountAsync(default));
    }

    [Fact]
    public async Task An_empty_store_lists_nothing()
    {
        Assert.Empty(await Store.ListAsync(default));
        Assert.Equal(0, await Store.CountAsync(default));
    }

    [Fact]
    public async Task A_lockout_computed_by_the_policy_survives_the_round_trip()
    {
        var policy = new SignInLockoutPolicy(maxFailures: 2);
        var account = Account("ada@example.com");
        await Store.CreateAsync(account, default);
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var stored = await Store.FindByEmailAsync(account.Email, default);
            await Store.UpdateAsync(policy.Apply(stored!, now, passwordMatched: false), default);
        }

        var locked = await Store.FindByIdAsync(account.Id, default);
        Assert.True(policy.IsLockedOut(locked!, now));
        Assert.Equal(now + policy.LockoutDuration, locked!.LockedOutUntil);
    }

    [Fact]
    public async Task A_role_containing_a_comma_is_refused_because_commas_separate_roles()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateAsync(Account("ada@example.com", "editor,admin"), default));

        Assert.Equal(0, await Store.CountAsync(default));
    }
}
