package org.tongban.region;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.region.internal.Regions;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;
import org.tongban.shared.ResultPage;

/**
 * The region module's front door: look up units, walk the hierarchy level by level, search by name or code,
 * record renames and merges, and read population figures.
 */
@Service
public class RegionDirectory {

  private final Regions regions;
  private final JdbcClient jdbc;
  private final AuditTrail audit;

  // Divisions are reference data read on nearly every request and changed a few times a year. Caches are
  // dropped on every change made through this node; other nodes see a change within five minutes.
  private final Cache<RegionCode, Optional<Region>> current = cache(200_000);
  private final Cache<PageKey, ResultPage<Region>> childPages = cache(50_000);
  private final Cache<SearchKey, ResultPage<Region>> searches = cache(20_000);
  private final Cache<PopulationKey, Optional<Population>> populations = cache(20_000);

  private record PageKey(RegionCode parent, int page, int size) {}

  private record SearchKey(String text, @Nullable RegionCode within, int page, int size) {}

  private record PopulationKey(RegionCode region, int year) {}

  private final org.springframework.context.ApplicationEventPublisher events;

  RegionDirectory(Regions regions, JdbcClient jdbc, AuditTrail audit,
                  org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.regions = regions;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  private static <K, V> Cache<K, V> cache(int size) {
    return Caffeine.newBuilder().maximumSize(size).expireAfterWrite(Duration.ofMinutes(5)).build();
  }

  /** Drops every cached answer (after an import, a rename or a merge). */
  @EventListener(RegionsChanged.class)
  public void forget() {
    current.invalidateAll();
    childPages.invalidateAll();
    searches.invalidateAll();
    populations.invalidateAll();
  }

  public Optional<Region> find(RegionCode code) {
    return current.get(code, regions::current);
  }

  /** The current unit with this code; refuses with {@link RegionNotFound}. */
  public Region get(RegionCode code) {
    return find(code).orElseThrow(() -> new RegionNotFound(code.value()));
  }

  /** Parses and checks a code typed by a person; refuses unknown or malformed codes. */
  public Region get(String code) {
    return get(RegionCode.of(code));
  }

  public boolean exists(RegionCode code) {
    return find(code).isPresent();
  }

  /** Every version of a code, oldest first. */
  public List<Region> history(RegionCode code) {
    return regions.history(code);
  }

  /** Top-level units (provinces) loaded in this installation. */
  public List<Region> provinces() {
    return regions.provinces();
  }

  /** Direct children of a unit, one page at a time, in code order. */
  public ResultPage<Region> children(RegionCode parent, int page, int size) {
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    return childPages.get(new PageKey(parent, p, s),
        k -> new ResultPage<>(regions.children(parent, p * s, s), p, s, regions.countChildren(parent)));
  }

  /** From the province down to the unit itself: the breadcrumb trail. */
  public List<Region> trail(RegionCode code) {
    var trail = new ArrayList<Region>();
    for (RegionCode c : code.ancestorsByCode()) find(c).ifPresent(trail::add);
    find(code).ifPresent(trail::add);
    return trail;
  }

  /** Codes of every current unit below {@code ancestor} (not the unit itself), in code order. */
  public List<RegionCode> descendants(RegionCode ancestor) {
    return regions.descendantCodes(ancestor);
  }

  /** How many current units of a level lie inside {@code ancestor} (or are it). */
  public long count(RegionCode ancestor, RegionLevel level) {
    return regions.countDescendants(ancestor, level);
  }

  /** "Is {@code child} inside {@code ancestor}": a prefix test, true for the unit itself. */
  public boolean contains(RegionCode ancestor, RegionCode child) {
    return child.isWithin(ancestor);
  }

  /** Units whose name contains the text or whose code starts with it, inside {@code within} if given. */
  public ResultPage<Region> search(String text, @Nullable RegionCode within, int page, int size) {
    String q = text.strip();
    if (q.isEmpty() || q.length() > 40) throw new InvalidSearch();
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    return searches.get(new SearchKey(q, within, p, s),
        k -> new ResultPage<>(regions.search(q, within, p * s, s), p, s, regions.countSearch(q, within)));
  }

  /**
   * Units to pick by name in a form: current units of {@code level} (any when null) whose name contains the text (or
   * whose code starts with it), each with its full name from the province down ("辽宁省沈阳市和平区…"), at most 12.
   */
  public List<Picked> pick(String text, @Nullable RegionLevel level) {
    String q = text.strip();
    if (q.isEmpty() || q.length() > 40) throw new InvalidSearch();
    return regions.searchAt(q, level, 12).stream().map(r -> new Picked(r.code(), fullName(r.code()), r.level())).toList();
  }

  /** A unit's name from the province down, without separators, as addresses are written ("辽宁省沈阳市和平区"). */
  public String fullName(RegionCode code) {
    var trail = trail(code);
    if (trail.isEmpty()) return code.value();
    var name = new StringBuilder();
    for (var r : trail) name.append(r.name());
    return name.toString();
  }

  /** A unit found by {@link #pick}: its code, full name and level. */
  public record Picked(RegionCode code, String fullName, RegionLevel level) {}

  /**
   * The unit that carries a code's values today: the code itself while current, else the end of its
   * successor chain (a merged village rolls into the village it was merged into).
   */
  public RegionCode currentFor(RegionCode code) {
    if (exists(code)) return code;
    return regions.successorOf(code).orElseThrow(() -> new RegionNotFound(code.value()));
  }

  /** Renames a unit from {@code day}; the old name stays in its history. */
  @Transactional
  public Region rename(RegionCode code, String newName, LocalDate day) {
    var old = get(code);
    if (newName.isBlank() || newName.length() > 100) throw new InvalidName();
    if (!day.isAfter(old.validFrom())) throw new InvalidChangeDate(day.toString());
    regions.close(code, day, null);
    var renamed = new Region(code, newName.strip(), old.level(), old.parent(), old.kind(), day, null, null);
    regions.insert(renamed, "rename");
    forget();
    audit.record("region.renamed", "region", code.value(), code, Map.of("from", old.name(), "to", renamed.name()));
    return renamed;
  }

  /**
   * Merges {@code retired} into {@code into} from {@code day}: the retired unit's history is kept and its
   * values roll up into {@code into}. Both must be current units of the same level.
   */
  @Transactional
  public void merge(RegionCode retired, RegionCode into, LocalDate day) {
    var from = get(retired);
    var to = get(into);
    if (from.level() != to.level() || retired.equals(into)) throw new InvalidMerge(retired.value(), into.value());
    if (regions.countChildren(retired) > 0) throw new InvalidMerge(retired.value(), into.value());
    if (!day.isAfter(from.validFrom())) throw new InvalidChangeDate(day.toString());
    regions.close(retired, day, into);
    forget();
    events.publishEvent(new RegionsMerged(retired, into, day));
    audit.record("region.merged", "region", retired.value(), retired, Map.of("into", into.value()));
  }

  /** Population of a region in a year; for a city or province the sum of its counties. */
  public Optional<Population> population(RegionCode code, int year) {
    return populations.get(new PopulationKey(code, year), k -> queryPopulation(code, year));
  }

  private Optional<Population> queryPopulation(RegionCode code, int year) {
    return jdbc.sql("""
            select count(*) as counties, coalesce(sum(total), 0) total, coalesce(sum(male), 0) male,
              coalesce(sum(female), 0) female, coalesce(sum(urban), 0) urban, coalesce(sum(rural), 0) rural,
              coalesce(sum(age_0_4), 0) a04, coalesce(sum(age_60_plus), 0) a60, coalesce(sum(age_65_plus), 0) a65,
              min(source) source
            from region.population where region_code like ? and year = ?""")
        .params(code.prefix() + "%", year)
        .query((rs, i) -> rs.getLong("counties") == 0 ? null
            : new Population(code, year, rs.getLong("total"), rs.getLong("male"), rs.getLong("female"),
                rs.getLong("urban"), rs.getLong("rural"), rs.getLong("a04"), rs.getLong("a60"), rs.getLong("a65"),
                rs.getString("source")))
        .optional();
  }

  /** Population of every county inside {@code code} in a year, by county code. */
  public List<Population> countyPopulations(RegionCode code, int year) {
    return jdbc.sql("""
            select region_code, total, male, female, urban, rural, age_0_4, age_60_plus, age_65_plus, source
            from region.population where region_code like ? and year = ? order by region_code""")
        .params(code.prefix() + "%", year)
        .query((rs, i) -> new Population(new RegionCode(rs.getString(1)), year, rs.getLong(2), rs.getLong(3),
            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getString(10)))
        .list();
  }

  /** Five-year age bands by sex of a county in a year (empty when not recorded). */
  public List<AgeBand> ageBands(RegionCode county, int year) {
    return jdbc.sql("select sex, age_from, age_to, people from region.population_band"
            + " where region_code = ? and year = ? order by sex, age_from")
        .params(county.value(), year)
        .query((rs, i) -> new AgeBand(rs.getString(1).charAt(0), rs.getInt(2), (Integer) rs.getObject(3),
            rs.getLong(4)))
        .list();
  }

  public static final class InvalidSearch extends Refusal {
    public InvalidSearch() {
      super("region.invalid-search", 400);
    }
  }

  public static final class InvalidName extends Refusal {
    InvalidName() {
      super("region.invalid-name", 400);
    }
  }

  public static final class InvalidMerge extends Refusal {
    InvalidMerge(String from, String into) {
      super("region.invalid-merge", 409, from, into);
    }
  }

  public static final class InvalidChangeDate extends Refusal {
    InvalidChangeDate(String day) {
      super("region.invalid-change-date", 400, day);
    }
  }
}
