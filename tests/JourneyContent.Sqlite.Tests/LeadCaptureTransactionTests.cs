using System.Text;
using JourneyContent.Delivery;
using JourneyContent.Leads;
using JourneyContent.StoreContracts;

namespace JourneyContent.Sqlite.Tests;

/// <summary>The SQLite lead store's captures and erasures held to the contract, and an erasure that leaves no trace in the file or its WAL.</summary>
public sealed class LeadCaptureTransactionTests : LeadCaptureTransactionContract
{
    private TempDatabase? _database;

    private TempDatabase Database => _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    private DateTimeOffset Now => Clock.GetUtcNow();

    protected override async Task<(ILeadStore Leads, IOutbox Outbox)> CreateStoresAsync()
    {
        _database = await TempDatabase.MigratedAsync();
        return (new SqliteLeadStore(_database.Connections, new SqliteJourneyStore(_database.Connections)), new SqliteOutbox(_database.Connections, Clock));
    }

    protected override Task DeleteStoresAsync()
    {
        _database?.Dispose();
        return Task.CompletedTask;
    }

    protected override Task<object?> ScalarAsync(string sql) => Task.FromResult(Database.Scalar(sql));

    [Fact]
    public async Task An_erased_address_is_not_left_in_the_database_file_nor_its_wal()
    {
        const string Address = "zq7-unique-erasure-probe@example.com";
        var lead = (await Leads.CaptureAsync(Capture(Address, MailAndWebhook), default)).Lead;
        // Checkpointed once before the erasure, so the address is in the database file's pages, not only in the WAL.
        Database.Scalar("PRAGMA wal_checkpoint(TRUNCATE)");
        Assert.True(ContainsInFiles(Address));

        await Leads.EraseAsync(lead.Id, "admin@example.com", "erase", Now, default);
        Database.Scalar("PRAGMA wal_checkpoint(TRUNCATE)");

        Assert.False(ContainsInFiles(Address));
    }

    private bool ContainsInFiles(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        foreach (var path in new[] { Database.DatabasePath, Database.DatabasePath + "-wal" })
        {
            if (!File.Exists(path))
            {
                continue;
            }

            // Read with sharing: the pooled connections keep the file open.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (copy.GetBuffer().AsSpan(0, (int)copy.Length).IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
