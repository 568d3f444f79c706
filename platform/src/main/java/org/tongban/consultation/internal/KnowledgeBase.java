package org.tongban.consultation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tongban.catalogue.ItemPublished;
import org.tongban.catalogue.ItemSpec;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.consultation.ConsultationSettings;
import org.tongban.consultation.Passage;

/**
 * Keeps the knowledge base's index current: the law articles read from the data folder and the current guide of every
 * catalogue item. At start the BM25 index is ready in a second; the embeddings follow in the background (a first
 * start embeds every passage, about a minute on two cores; later starts read them from PostgreSQL) and the index with
 * them is swapped in. A published item rebuilds it.
 */
@Component
public class KnowledgeBase {

  private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

  private final ServiceCatalogue catalogue;
  private final org.tongban.consultation.Entries entries;
  private final org.tongban.consultation.ImportedTexts imported;
  private volatile Map<String, org.tongban.consultation.Entries.Entry> curated = Map.of();
  /** Item code → its name; "law|第N条" → the codes of the items that article founds (设定依据). Read per build. */
  private volatile Map<String, String> itemNames = Map.of();
  private volatile Map<String, List<String>> itemsByBasis = Map.of();
  private final Embeddings embeddings;
  private final JdbcClient jdbc;
  private final ConsultationSettings settings;
  private final AtomicBoolean building = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile @Nullable KnowledgeIndex index;
  private volatile Map<String, String> synonyms = Map.of();

  KnowledgeBase(ServiceCatalogue catalogue, Embeddings embeddings, JdbcClient jdbc, ConsultationSettings settings,
                org.tongban.consultation.Entries entries, org.tongban.consultation.ImportedTexts imported) {
    this.catalogue = catalogue;
    this.entries = entries;
    this.imported = imported;
    this.embeddings = embeddings;
    this.jdbc = jdbc;
    this.settings = settings;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    rebuildInBackground();
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(ItemPublished published) {
    rebuildInBackground();
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(org.tongban.consultation.Entries.EntriesChanged changed) {
    rebuildInBackground();
  }

  void rebuildInBackground() {
    Thread.ofVirtual().name("knowledge-base").start(this::rebuild);
  }

  /** Reads the sources, swaps in the BM25 index, then the one with embeddings. One build at a time. */
  public void rebuild() {
    again.set(true);
    while (again.get() && building.compareAndSet(false, true)) {
      again.set(false);
      try {
        build();
      } finally {
        building.set(false);
      }
    }
  }

  private void build() {
    try {
      long start = System.currentTimeMillis();
      var passages = sources();
      synonyms = readSynonyms();
      // The first build answers by BM25 at once; a rebuild keeps the current index until the new one is complete.
      if (index == null) {
        synchronized (this) {
          if (index == null) index = KnowledgeIndex.build(passages, null);
        }
        KnowledgeIndex.logBuilt(passages.size(), false, System.currentTimeMillis() - start);
      }
      var vectors = embeddings.passages(passages.stream().map(KnowledgeBase::embedded).toList());
      index = KnowledgeIndex.build(passages, vectors);
      KnowledgeIndex.logBuilt(passages.size(), true, System.currentTimeMillis() - start);
    } catch (RuntimeException e) {
      log.error("Knowledge base not rebuilt", e);
    }
  }

  /** What a passage's embedding is computed from: where it stands, then what it says. */
  static String embedded(Passage p) {
    return p.kind() == Passage.Kind.LAW ? p.source() + " " + p.label() + " " + p.text() : p.text();
  }

  List<Passage> sources() {
    var texts = imported.passages();
    var replaced = texts.stream().map(p -> p.id().substring(0, p.id().indexOf('#') + 1))
        .collect(Collectors.toSet());
    var passages = new ArrayList<Passage>();
    for (var p : LawTexts.read(KnowledgeIndex.lawsDir(settings.lawsDir()))) {
      if (!replaced.contains(p.id().substring(0, p.id().indexOf('#') + 1))) passages.add(p);
    }
    passages.addAll(texts);
    var names = new java.util.HashMap<String, String>();
    var byBasis = new java.util.HashMap<String, List<String>>();
    for (var item : catalogue.items()) {
      passages.add(guide(item.spec()));
      names.put(item.code(), item.spec().name());
      for (var b : item.spec().basis()) {
        byBasis.computeIfAbsent(b.law() + "|" + b.article(), k -> new ArrayList<>()).add(item.code());
      }
    }
    itemNames = Map.copyOf(names);
    itemsByBasis = Map.copyOf(byBasis);
    var published = entries.published();
    curated = published.stream().collect(Collectors.toUnmodifiableMap(e -> "qa:" + e.code(), e -> e));
    for (var e : published) passages.add(curated(e));
    return passages;
  }

  static Passage curated(org.tongban.consultation.Entries.Entry e) {
    return new Passage("qa:" + e.code(), Passage.Kind.QA, "12333 问答", null, e.source(), null,
        "问：" + e.question() + "\n答：" + e.answer(), e.effectiveFrom().toString(), null);
  }

  /** The name of a current item, or null when the catalogue had no such item at the last build. */
  public @Nullable String itemName(String code) {
    if (itemNames.isEmpty()) index();
    return itemNames.get(code);
  }

  /** The items founded on an article (their 设定依据 names the law and the article), in catalogue order. */
  public List<String> itemsFoundedOn(String law, String article) {
    if (itemNames.isEmpty()) index();
    return itemsByBasis.getOrDefault(law + "|" + article, List.of());
  }

  /** Whether a passage may be shown today: a curated answer only inside its dates; everything else always. */
  public boolean shown(Passage p, java.time.LocalDate today) {
    if (p.kind() != Passage.Kind.QA) return true;
    var e = curated.get(p.id());
    return e != null && e.shownOn(today);
  }

  static Passage guide(ItemSpec spec) {
    var text = new StringBuilder(spec.name());
    if (!spec.synonyms().isEmpty()) text.append("（").append(String.join("、", spec.synonyms())).append("）");
    text.append("。办理条件：").append(spec.conditions());
    text.append(" 所需材料：").append(spec.materials().stream().map(ItemSpec.Material::name)
        .collect(Collectors.joining("、")));
    text.append(" 设定依据：").append(spec.basis().stream().map(b -> b.law() + b.article())
        .collect(Collectors.joining("；")));
    return new Passage("item:" + spec.code(), Passage.Kind.ITEM, "办事指南", null, spec.name(), null, text.toString(),
        null, spec.code());
  }

  private Map<String, String> readSynonyms() {
    return jdbc.sql("select term, meaning from consultation.synonym").query((rs, i) -> Map.entry(rs.getString(1),
        rs.getString(2))).list().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** The question with the meaning of each everyday word it contains appended (失业金 → 失业保险金). */
  public String expand(String question) {
    var extra = new StringBuilder();
    for (var s : synonyms.entrySet()) {
      if (question.contains(s.getKey())) extra.append(' ').append(s.getValue());
    }
    return extra.isEmpty() ? question : question + " " + extra.toString().strip();
  }

  /** The current index; before the first build has swapped one in, a BM25 index built now (about a second). */
  KnowledgeIndex index() {
    var current = index;
    if (current != null) return current;
    synchronized (this) {
      if (index == null) {
        synonyms = readSynonyms();
        index = KnowledgeIndex.build(sources(), null);
      }
      return index;
    }
  }

  float[] embedQuestion(String question) {
    return embeddings.query(question);
  }
}
