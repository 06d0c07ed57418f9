using System.Diagnostics;
using JourneyContent.Content;
using JourneyContent.Recommendations;
using JourneyContent.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyContent.Lucene;

/// <summary>
/// A Lucene.Net index of the content in a folder on disk: full-text search per language, and the MoreLikeThis
/// similarity table that drives "next for you" lists.
/// </summary>
/// <remarks>
/// <para><see cref="Start"/> opens the index and rebuilds it only when the content differs from what was indexed: a
/// SHA-256 fingerprint of every item's id and version is kept in the commit's user data, so a restart over unchanged
/// content costs no rewrite.</para>
/// <para>Content changes are applied on a background thread, one update at a time, in the order they arrive: each
/// update compares the latest snapshot with what the index holds (by id and version), rewrites or deletes only the
/// items that differ, commits, refreshes the searcher, then recomputes the whole similarity table. Searches run
/// concurrently on the last refreshed searcher. Failures are logged; the previous index and table stay in use.</para>
/// </remarks>
public sealed class LuceneContentIndex : IContentSearch, IContentSimilarity, IDisposable
{
    /// <summary>The most hits one page may hold.</summary>
    public const int MaxPageSize = 100;

    // Beyond this, extra words add clauses (four per word) without changing what is found.
    private const int MaxQueryWords = 32;

    // Title counts most, then the summary and the topics, then the body.
    private static readonly (string Field, float Boost)[] SearchedFields =
        [(IndexSchema.Title, 3f), (IndexSchema.Summary, 2f), (IndexSchema.Topics, 2f), (IndexSchema.Body, 1f)];

    private readonly IContentSource _source;
    private readonly LuceneIndexOptions _options;
    private readonly ILogger<LuceneContentIndex> _logger;
    private readonly Analyzer _analyzer = ContentAnalyzers.Create();
    private readonly System.Threading.Lock _gate = new();
    private Task _work = Task.CompletedTask;
    private long _requested;
    private long _generation;
    private FSDirectory? _directory;
    private IndexWriter? _writer;
    private volatile SearcherManager? _searchers;

    // What the index holds (id to version); read and written only by Start and by the serialised updates.
    private Dictionary<string, string> _indexed = new(StringComparer.Ordinal);
    private bool _similarityStale = true;
    private volatile SimilarityTable _similarity = SimilarityTable.Empty;
    private bool _started;
    private volatile bool _disposed;

    /// <summary>Creates the index service; nothing is opened until <see cref="Start"/>.</summary>
    public LuceneContentIndex(IContentSource source, IOptions<LuceneIndexOptions> options, ILogger<LuceneContentIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _source = source;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Raised on a background thread after each content update was indexed (and the similarity table recomputed when it was the latest).</summary>
    public event EventHandler? Updated;

    /// <summary>True when the last <see cref="Start"/> rewrote the index; false when it reused the index on disk as is.</summary>
    public bool LastStartRebuilt { get; private set; }

    /// <summary>How many background updates have completed since <see cref="Start"/>; the first computes the similarity table.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The latest MoreLikeThis similarity table; empty until the first computation after <see cref="Start"/> ends.</summary>
    public SimilarityTable Current => _similarity;

    /// <summary>
    /// Opens the index folder (creating it), rebuilds the index when its fingerprint differs from the current content,
    /// subscribes to content changes and starts computing the similarity table in the background. Calling it again does nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="LuceneIndexOptions.IndexPath"/> is not set.</exception>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(_options.IndexPath))
            {
                throw new InvalidOperationException("LuceneIndexOptions.IndexPath must name the folder of the search index.");
            }

            var path = Path.GetFullPath(_options.IndexPath);
            System.IO.Directory.CreateDirectory(path);
            _directory = FSDirectory.Open(path);
            var snapshot = _source.Current;
            var fingerprint = IndexSchema.Fingerprint(snapshot.Items);
            var stored = ReadFingerprint(_directory, path, out var unreadable);
            if (unreadable)
            {
                // Even in CREATE mode the writer reads the old commit, so a damaged index must go first.
                foreach (var file in _directory.ListAll())
                {
                    _directory.DeleteFile(file);
                }
            }

            var config = new IndexWriterConfig(ContentAnalyzers.Version, _analyzer)
            {
                // A missing or unreadable index is replaced by a new one.
                OpenMode = stored is null ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
            };
            _writer = new IndexWriter(_directory, config);
            LastStartRebuilt = !string.Equals(stored, fingerprint, StringComparison.Ordinal);
            if (LastStartRebuilt)
            {
                var watch = Stopwatch.StartNew();
                _writer.DeleteAll();
                foreach (var item in snapshot.Items)
                {
                    _writer.AddDocument(IndexSchema.ToDocument(item));
                }

                Commit(fingerprint);
                _logger.LogInformation("Rebuilt the search index at {IndexPath}: {Count} items in {Elapsed} ms", path, snapshot.Items.Count, watch.ElapsedMilliseconds);
            }
            else
            {
                _logger.LogInformation("Reusing the search index at {IndexPath}: the content has not changed", path);
            }

            _indexed = snapshot.Items.ToDictionary(i => i.Id, IndexSchema.VersionOf, StringComparer.Ordinal);
            _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
            _source.Changed += OnContentChanged;
            _started = true;

            // Catches a change made while starting, and computes the first similarity table.
            EnqueueUpdate();
        }
    }

    /// <summary>Completes when every update queued so far (content changes, the first similarity table) has been applied.</summary>
    public Task WhenIdle()
    {
        lock (_gate)
        {
            return _work;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The text is analysed like the indexed fields (elision, case, accents, stemming); operators and wildcards are
    /// ordinary characters. Up to two words must all match; longer questions need two thirds of their words. Hits are
    /// ordered by score, then by id; stage counts are taken before the stage filter.
    /// </remarks>
    public SearchResults Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var searchers = _searchers;
        if (searchers is null || _disposed || string.IsNullOrWhiteSpace(query.Text))
        {
            return SearchResults.None;
        }

        var language = IndexSchema.NormaliseLanguage(query.Language);
        var words = Analyse(IndexSchema.FieldFor(IndexSchema.Title, language), query.Text);
        if (words.Count == 0)
        {
            return SearchResults.None;
        }

        var matches = Collect(searchers, BuildQuery(words, language, query.IncludeUntagged));
        if (matches is null)
        {
            return SearchResults.None;
        }

        // The snapshot is the truth: an item deleted or re-tagged since the last update is not shown as it was.
        var snapshot = _source.Current;
        var hits = new List<SearchHit>(matches.Count);
        foreach (var (id, score) in matches)
        {
            var item = snapshot.FindById(id);
            if (item is not null
                && string.Equals(IndexSchema.NormaliseLanguage(item.Language), language, StringComparison.Ordinal)
                && (query.IncludeUntagged || !item.IsUntagged))
            {
                hits.Add(new SearchHit(item, score));
            }
        }

        hits.Sort(static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(a.Item.Id, b.Item.Id);
        });

        var stageCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            var key = hit.Item.Stage ?? string.Empty;
            stageCounts[key] = stageCounts.GetValueOrDefault(key) + 1;
        }

        if (query.Stage is not null)
        {
            hits.RemoveAll(h => !string.Equals(h.Item.Stage ?? string.Empty, query.Stage, StringComparison.Ordinal));
        }

        var skip = Math.Max(0, query.Skip);
        var take = Math.Clamp(query.Take, 1, MaxPageSize);
        return new SearchResults([.. hits.Skip(skip).Take(take)], hits.Count, stageCounts);
    }

    /// <summary>Stops following content changes, waits for the running update, and closes the index.</summary>
    public void Dispose()
    {
        Task work;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            work = _work;
        }

        _source.Changed -= OnContentChanged;
        if (!work.Wait(TimeSpan.FromSeconds(30)))
        {
            _logger.LogWarning("An index update was still running when the search index was closed");
        }

        _searchers?.Dispose();
        _writer?.Dispose();
        _directory?.Dispose();
        _analyzer.Dispose();
    }

    private void OnContentChanged(object? sender, ContentChangedEventArgs e) => EnqueueUpdate();

    private void EnqueueUpdate()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var ticket = ++_requested;
            // Continuations run one after the other, so updates never overlap and keep their order.
            _work = _work.ContinueWith(_ => RunUpdate(ticket), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private void RunUpdate(long ticket)
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            var snapshot = _source.Current;
            if (ApplyChanges(snapshot))
            {
                _similarityStale = true;
            }

            // When more changes are queued, the last of them computes the table once for all.
            bool latest;
            lock (_gate)
            {
                latest = ticket == _requested;
            }

            if (_similarityStale && latest)
            {
                var watch = Stopwatch.StartNew();
                _similarity = ComputeSimilarity(snapshot);
                _similarityStale = false;
                _logger.LogInformation("Computed the similarity table of {Count} items in {Elapsed} ms", snapshot.Items.Count, watch.ElapsedMilliseconds);
            }
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Updating the search index failed; searches and similarities use the previous index until the next change");
        }

        Interlocked.Increment(ref _generation);
        try
        {
            Updated?.Invoke(this, EventArgs.Empty);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A subscriber to search index updates failed");
        }
    }

    /// <summary>Rewrites the items whose version changed and deletes the ones gone; true when the index changed.</summary>
    private bool ApplyChanges(ContentSnapshot snapshot)
    {
        var writer = _writer!;
        var versions = snapshot.Items.ToDictionary(i => i.Id, IndexSchema.VersionOf, StringComparer.Ordinal);
        var updated = 0;
        foreach (var item in snapshot.Items)
        {
            if (!_indexed.TryGetValue(item.Id, out var old) || !string.Equals(old, versions[item.Id], StringComparison.Ordinal))
            {
                writer.UpdateDocument(new Term(IndexSchema.Id, item.Id), IndexSchema.ToDocument(item));
                updated++;
            }
        }

        var removed = _indexed.Keys.Where(id => !versions.ContainsKey(id)).ToList();
        foreach (var id in removed)
        {
            writer.DeleteDocuments(new Term(IndexSchema.Id, id));
        }

        if (updated == 0 && removed.Count == 0)
        {
            return false;
        }

        Commit(IndexSchema.Fingerprint(snapshot.Items));
        _indexed = versions;
        _searchers!.MaybeRefreshBlocking();
        _logger.LogInformation("Search index updated: {Updated} items written, {Removed} removed", updated, removed.Count);
        return true;
    }

    private void Commit(string fingerprint)
    {
        _writer!.SetCommitData(new Dictionary<string, string>(StringComparer.Ordinal) { [IndexSchema.FingerprintKey] = fingerprint });
        _writer.Commit();
    }

    private string? ReadFingerprint(FSDirectory directory, string path, out bool unreadable)
    {
        unreadable = false;
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                return null;
            }

            using var reader = DirectoryReader.Open(directory);
            return reader.IndexCommit.UserData.TryGetValue(IndexSchema.FingerprintKey, out var value) ? value : null;
        }
        catch (IOException ex)
        {
            _logger.LogWarning(ex, "The search index at {IndexPath} cannot be read; it is rebuilt", path);
            unreadable = true;
            return null;
        }
    }

    /// <summary>The distinct terms of the text as the field's analyzer produces them, at most <see cref="MaxQueryWords"/>.</summary>
    private List<string> Analyse(string field, string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && terms.Count < MaxQueryWords)
        {
            var value = term.ToString();
            if (value.Length > 0 && !terms.Contains(value, StringComparer.Ordinal))
            {
                terms.Add(value);
            }
        }

        stream.End();
        return terms;
    }

    private static Query BuildQuery(List<string> words, string language, bool includeUntagged)
    {
        var text = new BooleanQuery();
        foreach (var word in words)
        {
            var anyField = new BooleanQuery();
            foreach (var (field, boost) in SearchedFields)
            {
                anyField.Add(new TermQuery(new Term(IndexSchema.FieldFor(field, language), word)) { Boost = boost }, Occur.SHOULD);
            }

            text.Add(anyField, Occur.SHOULD);
        }

        text.MinimumNumberShouldMatch = words.Count <= 2 ? words.Count : (int)Math.Ceiling(words.Count * 2 / 3.0);
        var query = new BooleanQuery { { text, Occur.MUST } };
        if (!includeUntagged)
        {
            query.Add(new TermQuery(new Term(IndexSchema.Stage, string.Empty)), Occur.MUST_NOT);
        }

        // Lucene 4.8 has no FILTER clause: the language restricts matches without changing scores.
        return new FilteredQuery(query, new QueryWrapperFilter(new TermQuery(new Term(IndexSchema.Language, language))));
    }

    /// <summary>Every match with its score (catalogues are small enough to count them all); null when the index was closed meanwhile.</summary>
    private static List<(string Id, float Score)>? Collect(SearcherManager searchers, Query query)
    {
        IndexSearcher searcher;
        try
        {
            searcher = searchers.Acquire();
        }
        catch (ObjectDisposedException)
        {
            return null;
        }

        try
        {
            var collector = new AllHitsCollector();
            searcher.Search(query, collector);
            return collector.Hits;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>For every item, its most similar items of the same language by MoreLikeThis, scaled so the best is 1.</summary>
    private SimilarityTable ComputeSimilarity(ContentSnapshot snapshot)
    {
        var searchers = _searchers!;
        var searcher = searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var idByDoc = new string?[reader.MaxDoc];
            var docById = new Dictionary<string, int>(StringComparer.Ordinal);
            var bytes = new BytesRef();
            foreach (var leaf in reader.Leaves)
            {
                var ids = leaf.AtomicReader.GetSortedDocValues(IndexSchema.Id);
                var live = leaf.AtomicReader.LiveDocs;
                for (var doc = 0; ids is not null && doc < leaf.AtomicReader.MaxDoc; doc++)
                {
                    if (live is null || live.Get(doc))
                    {
                        ids.Get(doc, bytes);
                        var id = bytes.Utf8ToString();
                        idByDoc[leaf.DocBase + doc] = id;
                        docById[id] = leaf.DocBase + doc;
                    }
                }
            }

            var max = Math.Clamp(_options.SimilarItemsPerItem, 1, 100);
            var table = new List<KeyValuePair<string, IReadOnlyList<SimilarItem>>>(snapshot.Items.Count);
            foreach (var group in snapshot.Items.GroupBy(i => IndexSchema.NormaliseLanguage(i.Language), StringComparer.Ordinal))
            {
                var language = group.Key;
                var moreLikeThis = new MoreLikeThis(reader)
                {
                    Analyzer = _analyzer,
                    FieldNames = [.. IndexSchema.TextFields.Select(f => IndexSchema.FieldFor(f, language))],
                    // Small catalogues: one occurrence counts, but a word no other item has cannot make a neighbour.
                    MinTermFreq = 1,
                    MinDocFreq = 2,
                    MinWordLen = 2,
                    MaxQueryTerms = 25,
                };
                var sameLanguage = new CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term(IndexSchema.Language, language))));
                foreach (var item in group)
                {
                    if (!docById.TryGetValue(item.Id, out var doc))
                    {
                        continue;
                    }

                    var query = new BooleanQuery
                    {
                        { moreLikeThis.Like(doc), Occur.MUST },
                        { new TermQuery(new Term(IndexSchema.Id, item.Id)), Occur.MUST_NOT },
                    };
                    var top = searcher.Search(query, sameLanguage, max);
                    var best = top.ScoreDocs.Length > 0 ? top.ScoreDocs[0].Score : 0f;
                    var neighbours = new List<SimilarItem>(top.ScoreDocs.Length);
                    foreach (var hit in top.ScoreDocs)
                    {
                        if (best > 0 && hit.Score > 0 && idByDoc[hit.Doc] is { } id)
                        {
                            neighbours.Add(new SimilarItem(id, hit.Score / best));
                        }
                    }

                    table.Add(new(item.Id, neighbours));
                }
            }

            return new SimilarityTable(table);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Collects every matching document's id and score, in any order.</summary>
    private sealed class AllHitsCollector : ICollector
    {
        private readonly BytesRef _bytes = new();
        private Scorer? _scorer;
        private SortedDocValues? _ids;

        public List<(string Id, float Score)> Hits { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _ids = context.AtomicReader.GetSortedDocValues(IndexSchema.Id);

        public void Collect(int doc)
        {
            if (_ids is null || _scorer is null)
            {
                return;
            }

            _ids.Get(doc, _bytes);
            Hits.Add((_bytes.Utf8ToString(), _scorer.GetScore()));
        }
    }
}
