using JourneyContent.Testing;

namespace JourneyContent.Site.Tests.Tracking;

/// <summary>Runs the real <c>replay</c> command on small files whose answers are known.</summary>
public sealed class ReplayCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "jc-replay-" + Guid.NewGuid().ToString("N")[..8]);

    public ReplayCommandTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Replay_writes_each_visitors_stage_and_reports_bad_rows_with_their_line()
    {
        var catalog = Write("catalog.csv", "slug,stage,kind\npost-a,awareness,blog-post\npost-b,awareness,blog-post\nbench,consideration,comparison-benchmark\ncase,consideration,case-study\nwebinar,consideration,webinar\n");
        var events = Write("events.csv", """
            visitor_id,timestamp,event_type,content_slug
            reader,2026-01-01T10:00:00Z,view,post-a
            reader,2026-01-01T10:05:00Z,view,post-b
            comparer,2026-01-01T10:00:00Z,view,post-a
            comparer,2026-03-01T10:00:00Z,view,bench
            comparer,2026-03-01T10:10:00Z,download,bench
            comparer,2026-03-01T10:20:00Z,view,case
            comparer,2026-03-01T10:30:00Z,view,webinar
            not,enough,fields
            reader,yesterday,view,post-a
            reader,2026-01-01T10:06:00Z,teleport,post-a
            reader,2026-01-01T10:07:00Z,view,no-such-post
            """);
        var output = Path.Combine(_folder, "stages.csv");

        var (exit, log) = await SiteProcess.RunAsync(Path.Combine(_folder, "data"), "replay", "--events", events, "--catalog", catalog, "--out", output);

        Assert.Equal(0, exit);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal("visitor_id,stage,confidence", lines[0]);
        Assert.StartsWith("comparer,consideration,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("reader,awareness,", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains("events.csv:9: expected visitor_id,timestamp,event_type,content_slug; row skipped.", log, StringComparison.Ordinal);
        Assert.Contains("events.csv:10: timestamp 'yesterday' is not ISO 8601", log, StringComparison.Ordinal);
        Assert.Contains("events.csv:11: event_type 'teleport'", log, StringComparison.Ordinal);
        Assert.Contains("events.csv:12: unknown content 'no-such-post'", log, StringComparison.Ordinal);
        Assert.Contains("Replayed 7 events of 2 visitors", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_output_neutralises_hostile_visitor_ids_and_reads_back_in_python_under_both_separators()
    {
        var events = Write("events.csv", "visitor_id,timestamp,event_type,content_slug\n"
            + "=HYPERLINK(\"http://evil.example\"),2026-01-01T10:00:00Z,view,pricing\n"
            + "+cmd,2026-01-01T10:00:00Z,view,pricing\n"
            + "-2+3,2026-01-01T10:00:00Z,view,pricing\n"
            + "@SUM(A1),2026-01-01T10:00:00Z,view,pricing\n"
            + "dupont;durand,2026-01-01T10:00:00Z,view,pricing\n");
        var output = Path.Combine(_folder, "stages.csv");

        var (exit, _) = await SiteProcess.RunAsync(Path.Combine(_folder, "data"), "replay", "--events", events, "--out", output);

        Assert.Equal(0, exit);
        var csv = await PythonCsvReader.ReadAsync(output);
        Assert.Empty(csv.Problems(3));
        Assert.Equal(["visitor_id", "stage", "confidence"], csv.Header);
        Assert.Equal(["'+cmd", "'-2+3", "'=HYPERLINK(\"http://evil.example\")", "'@SUM(A1)", "dupont;durand"], csv.Rows.Select(r => r[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_a_catalog_the_sites_own_content_is_used()
    {
        var events = Write("events.csv", "visitor_id,timestamp,event_type,content_slug\nv,2026-01-01T10:00:00Z,view,pricing\nv,2026-01-01T10:05:00Z,view,start-your-free-trial\n");
        var output = Path.Combine(_folder, "stages.csv");

        var (exit, _) = await SiteProcess.RunAsync(Path.Combine(_folder, "data"), "replay", "--events", events, "--out", output);

        Assert.Equal(0, exit);
        Assert.StartsWith("v,decision,", (await File.ReadAllLinesAsync(output))[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_without_its_files_explains_its_usage()
    {
        var (exit, log) = await SiteProcess.RunAsync(Path.Combine(_folder, "data"), "replay", "--events", "missing.csv");

        Assert.Equal(2, exit);
        Assert.Contains("Usage:", log, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }
}
