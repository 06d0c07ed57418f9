namespace JourneyContent.Core.Tests;

public sealed class DataFolderTests
{
    [Fact]
    public void A_store_without_a_path_gets_its_default_name_in_the_hosts_data_folder() =>
        Assert.Equal(Path.Combine("/srv/site/data", "keys", "signing.key"), DataFolder.Resolve(null, new DataFolder("/srv/site/data"), "keys", "signing.key"));

    [Fact]
    public void A_path_set_by_the_site_wins_over_the_data_folder() =>
        Assert.Equal("/mnt/fast/journey.db", DataFolder.Resolve("/mnt/fast/journey.db", new DataFolder("/srv/site/data"), "journeycontent.db"));

    [Fact]
    public void Without_a_data_folder_an_unset_path_stays_unset_for_the_store_to_report() =>
        Assert.Null(DataFolder.Resolve("  ", null, "journeycontent.db"));
}
