package org.tongban.catalogue.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tongban.catalogue.ItemPublished;
import org.tongban.organisation.Department;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.shared.NodeSignal;
import org.tongban.shared.NodeSignals;
import org.tongban.shared.RegionCode;
import org.tongban.shared.ResultPage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chinese full-text search over the current item versions (Lucene with the smartcn word segmenter), kept in
 * memory: a province has a few thousand items, and rebuilding the whole index after a publication takes
 * milliseconds. Results are limited to items offered at the resident's region. Every node keeps its own: a node that
 * publishes rebuilds it and signals the others ({@link NodeSignals}), which rebuild theirs.
 */
@Component
public class CatalogueIndex {

  private static final String EVERYWHERE = "*";
  static final String SIGNAL = "catalogue";
  private final NodeSignals signals;
  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final OrganisationDirectory organisations;
  /** smartcn with the particles and pronouns of spoken Chinese dropped (they matched nearly every item). */
  private final Analyzer analyzer = analyzer();

  private static Analyzer analyzer() {
    var stop = new org.apache.lucene.analysis.CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
    stop.addAll(org.tongban.shared.ChineseStopWords.WORDS);
    return new SmartChineseAnalyzer(stop);
  }
  private volatile @Nullable IndexSearcher searcher;

  CatalogueIndex(JdbcClient jdbc, JsonMapper json, OrganisationDirectory organisations, NodeSignals signals) {
    this.signals = signals;
    this.jdbc = jdbc;
    this.json = json;
    this.organisations = organisations;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    rebuild();
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(ItemPublished published) {
    rebuild();
    signals.send(SIGNAL);
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(LifeEventDefined defined) {
    rebuild();
    signals.send(SIGNAL);
  }

  /** Another node published an item or defined a life event (or this node may have missed one). */
  @EventListener
  void on(NodeSignal signal) {
    if (signal.about(SIGNAL)) rebuild();
  }

  /** Reads the current versions and swaps in a fresh index. */
  public synchronized void rebuild() {
    Map<String, String> departments = organisations.departments().stream()
        .collect(Collectors.toMap(Department::code, Department::nameZh));
    var specs = jdbc.sql("select v.spec from catalogue.item i join catalogue.item_version v"
            + " on v.code = i.code and v.version = i.current_version")
        .query((rs, i) -> json.readTree(rs.getString(1))).list();
    var events = jdbc.sql("select code, name, description, synonyms from catalogue.life_event")
        .query((rs, i) -> event(rs.getString(1), rs.getString(2), rs.getString(3), (String[]) rs.getArray(4).getArray()))
        .list();
    var directory = new ByteBuffersDirectory();
    try (var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (JsonNode spec : specs) writer.addDocument(document(spec, departments));
      for (Document event : events) writer.addDocument(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      searcher = new IndexSearcher(DirectoryReader.open(directory));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document event(String code, String name, String description, String[] synonyms) {
    var doc = new Document();
    doc.add(new StringField("kind", "event", Field.Store.NO));
    doc.add(new StringField("code", code, Field.Store.YES));
    doc.add(new TextField("name", name, Field.Store.NO));
    for (String s : synonyms) doc.add(new TextField("synonym", s, Field.Store.NO));
    doc.add(new TextField("text", description, Field.Store.NO));
    return doc;
  }

  private static Document document(JsonNode spec, Map<String, String> departments) {
    var doc = new Document();
    doc.add(new StringField("kind", "item", Field.Store.NO));
    String code = spec.path("code").asString();
    doc.add(new StringField("code", code, Field.Store.YES));
    doc.add(new SortedDocValuesField("sort", new BytesRef(spec.path("department").asString() + "/" + spec.path("name").asString())));
    doc.add(new TextField("name", spec.path("name").asString(), Field.Store.NO));
    for (JsonNode s : spec.path("synonyms")) doc.add(new TextField("synonym", s.asString(), Field.Store.NO));
    for (JsonNode m : spec.path("materials")) doc.add(new TextField("material", m.path("name").asString(), Field.Store.NO));
    doc.add(new TextField("department", departments.getOrDefault(spec.path("department").asString(), ""), Field.Store.NO));
    doc.add(new TextField("text", spec.path("conditions").asString() + " " + spec.path("result").path("name").asString(),
        Field.Store.NO));
    if (spec.path("offeredIn").isEmpty()) {
      doc.add(new StringField("offered", EVERYWHERE, Field.Store.NO));
    } else {
      for (JsonNode p : spec.path("offeredIn")) doc.add(new StringField("offered", p.asString(), Field.Store.NO));
    }
    return doc;
  }

  /** Codes of matching items, best first (all items by department and name when {@code text} is blank). */
  public ResultPage<String> search(@Nullable String text, @Nullable RegionCode region, int page, int size) {
    var current = searcher;
    if (current == null) {
      rebuild();
      current = searcher;
    }
    var words = text == null ? List.<String>of() : tokens(text.strip());
    // Typed, but nothing but particles ("的", "了吗"): nothing matches, rather than everything.
    if (words.isEmpty() && text != null && !text.isBlank()) return new ResultPage<>(List.of(), page, size, 0);
    var page0 = items(current, words, true, region, page, size);
    // Every word must match somewhere ("低保" is not 参保); a longer phrase that matches nothing that way is
    // searched again for any of its words.
    return page0.total() == 0 && words.size() > 1 ? items(current, words, false, region, page, size) : page0;
  }

  /** Codes of the life events whose name, synonyms or description hold every word of {@code text}, best first. */
  public List<String> searchLifeEvents(String text) {
    var current = searcher;
    if (current == null) {
      rebuild();
      current = searcher;
    }
    var words = tokens(text.strip());
    if (words.isEmpty()) return List.of();
    var query = new BooleanQuery.Builder().add(new TermQuery(new Term("kind", "event")), Occur.FILTER)
        .add(matching(words, true), Occur.MUST);
    try {
      var codes = new ArrayList<String>();
      var stored = current.storedFields();
      for (var hit : current.search(query.build(), 8).scoreDocs) codes.add(stored.document(hit.doc).get("code"));
      return codes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Query matching(List<String> words, boolean all) {
    var query = new BooleanQuery.Builder();
    for (String w : words) {
      var any = new BooleanQuery.Builder();
      any.add(new BoostQuery(new TermQuery(new Term("name", w)), 4f), Occur.SHOULD);
      any.add(new BoostQuery(new TermQuery(new Term("synonym", w)), 3f), Occur.SHOULD);
      any.add(new BoostQuery(new TermQuery(new Term("material", w)), 1.5f), Occur.SHOULD);
      any.add(new TermQuery(new Term("department", w)), Occur.SHOULD);
      any.add(new BoostQuery(new TermQuery(new Term("text", w)), 0.5f), Occur.SHOULD);
      query.add(any.build(), all ? Occur.MUST : Occur.SHOULD);
    }
    return query.build();
  }

  private ResultPage<String> items(IndexSearcher current, List<String> words, boolean all, @Nullable RegionCode region,
                                   int page, int size) {
    var query = new BooleanQuery.Builder().add(new TermQuery(new Term("kind", "item")), Occur.FILTER);
    query.add(words.isEmpty() ? new MatchAllDocsQuery() : matching(words, all), Occur.MUST);
    if (region != null) {
      var offered = new ArrayList<BytesRef>();
      offered.add(new BytesRef(EVERYWHERE));
      for (RegionCode c : region.ancestorsByCode()) offered.add(new BytesRef(c.prefix()));
      offered.add(new BytesRef(region.prefix()));
      query.add(new TermInSetQuery("offered", offered), Occur.FILTER);
    }
    try {
      Query q = query.build();
      int want = (page + 1) * size;
      TopDocs top = words.isEmpty()
          ? current.search(q, want, new Sort(new SortField("sort", SortField.Type.STRING)))
          : current.search(q, want);
      var codes = new ArrayList<String>();
      var stored = current.storedFields();
      for (int i = page * size; i < top.scoreDocs.length; i++) codes.add(stored.document(top.scoreDocs[i].doc).get("code"));
      return new ResultPage<>(codes, page, size, top.totalHits.value());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> tokens(String text) {
    var words = new ArrayList<String>();
    try (var stream = analyzer.tokenStream("name", text)) {
      var term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) words.add(term.toString());
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }
}
