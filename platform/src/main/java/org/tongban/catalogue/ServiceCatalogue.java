package org.tongban.catalogue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.audit.AuditTrail;
import org.tongban.catalogue.internal.CatalogueIndex;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;
import org.tongban.shared.ResultPage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalogue's front door: publish items (a new version only when something changed), read any version,
 * list life events, search, and check an application against an item version's form.
 */
@Service
@Transactional(readOnly = true)
public class ServiceCatalogue {

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final OrganisationDirectory organisations;
  private final Jurisdiction jurisdiction;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final CatalogueIndex index;
  /** Formats (date …) are assertions here, not annotations: a clerk must not file "2026-02-30". */
  private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  /** Published versions never change: cache them and their compiled schemas. */
  private final Cache<String, ItemVersion> versions = Caffeine.newBuilder().maximumSize(10_000).build();
  private final Cache<String, Schema> compiled = Caffeine.newBuilder().maximumSize(10_000).build();

  ServiceCatalogue(JdbcClient jdbc, JsonMapper json, OrganisationDirectory organisations, Jurisdiction jurisdiction,
                   AuditTrail audit, ApplicationEventPublisher events, CatalogueIndex index) {
    this.jdbc = jdbc;
    this.json = json;
    this.organisations = organisations;
    this.jurisdiction = jurisdiction;
    this.audit = audit;
    this.events = events;
    this.index = index;
  }

  /**
   * Publishes an item as a department officer: the caller needs a capture scope for the item's department
   * at province level.
   */
  @Transactional
  public ItemVersion publish(ItemSpec spec) {
    boolean mayPublish = jurisdiction.scopes().stream().anyMatch(s -> s.purpose() == Purpose.CAPTURE
        && (s.region() == null || s.region().level() == RegionLevel.PROVINCE)
        && (s.department().equals(Scope.ANY_DEPARTMENT) || s.department().equals(spec.department())));
    if (!mayPublish) throw new NotCatalogueEditor(spec.department());
    return publishAsPlatform(spec);
  }

  /** Publishes without a caller (the seed catalogue at start-up). */
  @Transactional
  public ItemVersion publishAsPlatform(ItemSpec spec) {
    var problems = ItemRules.check(spec);
    if (!problems.isEmpty()) throw new InvalidItem(spec.code(), problems);
    organisations.department(spec.department());
    var current = current(spec.code());
    JsonNode body = json.valueToTree(spec);
    if (current.isPresent() && json.valueToTree(current.get().spec()).equals(body)) return current.get();
    int version = current.map(v -> v.version() + 1).orElse(1);
    jdbc.sql("insert into catalogue.item (code, department, current_version) values (?, ?, ?)"
            + " on conflict (code) do update set current_version = excluded.current_version, updated_at = now()")
        .params(spec.code(), spec.department(), version).update();
    jdbc.sql("insert into catalogue.item_version (code, version, spec) values (?, ?, ?::jsonb)")
        .params(spec.code(), version, json.writeValueAsString(body)).update();
    audit.record("catalogue.item-published", "item", spec.code(), null, Map.of("version", String.valueOf(version), "name", spec.name()));
    events.publishEvent(new ItemPublished(spec.code(), version));
    return version(spec.code(), version);
  }

  public Optional<ItemVersion> current(String code) {
    return jdbc.sql("select current_version from catalogue.item where code = ?").param(code).query(Integer.class)
        .optional().map(v -> version(code, v));
  }

  public ItemVersion currentOrRefuse(String code) {
    return current(code).orElseThrow(() -> new ItemNotFound(code));
  }

  /** One version; cached, since a published version never changes. */
  public ItemVersion version(String code, int version) {
    return versions.get(code + "@" + version, k -> jdbc.sql(
            "select code, version, spec, published_at from catalogue.item_version where code = ? and version = ?")
        .params(code, version).query(this::map).optional().orElseThrow(() -> new ItemNotFound(code)));
  }

  /** The current version of every item, by department and name. */
  public List<ItemVersion> items() {
    return jdbc.sql("select v.code, v.version, v.spec, v.published_at from catalogue.item i"
            + " join catalogue.item_version v on v.code = i.code and v.version = i.current_version"
            + " order by i.department, v.spec->>'name'")
        .query(this::map).list();
  }

  /** Versions of one item, newest first. */
  public List<ItemVersion> history(String code) {
    return jdbc.sql("select code, version, spec, published_at from catalogue.item_version where code = ?"
        + " order by version desc").param(code).query(this::map).list();
  }

  /** Items whose name, synonyms, materials or department match {@code text}, offered at {@code region}. */
  public ResultPage<ItemVersion> search(@Nullable String text, @Nullable RegionCode region, int page, int size) {
    var hits = index.search(text, region, ResultPage.page(page), ResultPage.size(size));
    return hits.map(code -> currentOrRefuse(code));
  }

  /** Life events whose name, synonyms or description hold every word of {@code text}, best first. */
  public List<LifeEvent> searchLifeEvents(String text) {
    var codes = index.searchLifeEvents(text);
    var all = lifeEvents();
    return codes.stream().flatMap(c -> all.stream().filter(e -> e.code().equals(c))).toList();
  }

  public List<LifeEvent> lifeEvents() {
    return jdbc.sql("select code, name, name_en, description, items, synonyms from catalogue.life_event"
        + " order by sort, code")
        .query(ServiceCatalogue::mapEvent).list();
  }

  public LifeEvent lifeEvent(String code) {
    return jdbc.sql("select code, name, name_en, description, items, synonyms from catalogue.life_event"
        + " where code = ?")
        .param(code).query(ServiceCatalogue::mapEvent).optional().orElseThrow(() -> new ItemNotFound(code));
  }

  /** Defines or redefines a life event; every item it names must exist. */
  @Transactional
  public LifeEvent defineLifeEvent(LifeEvent event, int sort) {
    event.items().forEach(this::currentOrRefuse);
    jdbc.sql("insert into catalogue.life_event (code, name, name_en, description, items, sort, synonyms)"
            + " values (?, ?, ?, ?, ?, ?, ?) on conflict (code) do update set name = excluded.name,"
            + " name_en = excluded.name_en, description = excluded.description, items = excluded.items,"
            + " sort = excluded.sort, synonyms = excluded.synonyms")
        .params(event.code(), event.name(), event.nameEn(), event.description(),
            event.items().toArray(String[]::new), sort, event.synonyms().toArray(String[]::new)).update();
    events.publishEvent(new org.tongban.catalogue.internal.LifeEventDefined(event.code()));
    return event;
  }

  /**
   * 一表申请: one form for a life event. Fields of the same name are asked once; a field is required when any
   * item requires it. Materials are merged by code (一套材料).
   */
  public CombinedForm combinedForm(LifeEvent event) {
    var properties = new LinkedHashMap<String, JsonNode>();
    var required = new java.util.LinkedHashSet<String>();
    var order = new java.util.LinkedHashSet<String>();
    var materials = new LinkedHashMap<String, ItemSpec.Material>();
    var items = new ArrayList<ItemVersion>();
    for (String code : event.items()) {
      var item = currentOrRefuse(code);
      items.add(item);
      item.spec().form().path("properties").properties().forEach(p -> properties.putIfAbsent(p.getKey(), p.getValue()));
      item.spec().form().path("required").forEach(r -> required.add(r.asString()));
      item.spec().form().path("x-order").forEach(r -> order.add(r.asString()));
      item.spec().materials().forEach(m -> materials.putIfAbsent(m.code(), m));
    }
    ObjectNode schema = json.createObjectNode().put("type", "object");
    schema.set("properties", json.valueToTree(properties));
    schema.set("required", json.valueToTree(required));
    schema.set("x-order", json.valueToTree(order));
    return new CombinedForm(event, items, schema, List.copyOf(materials.values()));
  }

  /** Every problem of {@code data} against the item version's form, empty when it is valid. */
  public List<FieldProblem> check(ItemVersion item, JsonNode data) {
    return check(item.code() + "@" + item.version(), item.spec().form(), data);
  }

  public List<FieldProblem> check(String key, JsonNode form, JsonNode data) {
    var schema = compiled.get(key, k -> schemas.getSchema(form));
    var problems = new ArrayList<FieldProblem>();
    // Numbers no field can hold (1e308 for an integer amount) are refused here: the validator's minimum and maximum
    // checks convert them to long and failed with an exception instead of a problem.
    for (var p : form.path("properties").properties()) {
      JsonNode v = data.path(p.getKey());
      boolean integer = "integer".equals(p.getValue().path("type").asString(""));
      if (v.isNumber() && (!Double.isFinite(v.asDouble()) || (integer && !(v.isIntegralNumber() && v.canConvertToLong()))
          || Math.abs(v.asDouble()) > 1e15)) {
        problems.add(FieldProblem.of(p.getKey(), "form-range", p.getValue().path("title").asString(p.getKey())));
      }
    }
    if (!problems.isEmpty()) return problems;
    for (Error e : schema.validate(data)) {
      String field = e.getProperty() != null ? e.getProperty() : e.getInstanceLocation().toString().replaceFirst("^[/$.]+", "");
      String title = form.path("properties").path(field).path("title").asString(field);
      problems.add(FieldProblem.of(field, "form-" + e.getKeyword(), title));
    }
    return problems;
  }

  private ItemVersion map(ResultSet rs, int i) throws SQLException {
    return new ItemVersion(rs.getString(1), rs.getInt(2), json.readValue(rs.getString(3), ItemSpec.class),
        rs.getTimestamp(4).toInstant());
  }

  private static LifeEvent mapEvent(ResultSet rs, int i) throws SQLException {
    return new LifeEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        List.of((String[]) rs.getArray(5).getArray()), List.of((String[]) rs.getArray(6).getArray()));
  }

  /** A life event's merged form and materials. */
  public record CombinedForm(LifeEvent event, List<ItemVersion> items, JsonNode schema, List<ItemSpec.Material> materials) {}

  public static final class InvalidItem extends Refusal {
    InvalidItem(String code, List<FieldProblem> problems) {
      super("catalogue.invalid-item", 400, problems, code);
    }
  }

  public static final class ItemNotFound extends Refusal {
    ItemNotFound(String code) {
      super("catalogue.item-not-found", 404, code);
    }
  }

  public static final class NotCatalogueEditor extends Refusal {
    NotCatalogueEditor(String department) {
      super("catalogue.not-editor", 403, department);
    }
  }
}
