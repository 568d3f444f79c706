package org.tongban.facility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.region.Boundary;
import org.tongban.region.Population;
import org.tongban.region.Region;
import org.tongban.region.RegionBoundaries;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.GeoPoint;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/**
 * Generates facilities for demos and benchmarks, every one named "（生成）" and stored with {@code generated}: for
 * each county with 2020 census figures, a plausible set sized from its population and age structure (托位 about 3
 * per 1,000 people, 学位 for the children aged 3–5, beds about 30 per 1,000 people aged 65+, venues per county,
 * township and village). Placed inside the county outline when the boundary files are there. The same seed and
 * scale give the same facilities; scale 1 gives about 35,000 for Liaoning and Luzhou, scale 5.5 about 200,000.
 */
@Service
public class GeneratedFacilities {

  private static final Logger log = LoggerFactory.getLogger(GeneratedFacilities.class);
  /**
   * Opening dates: three in five facilities opened before the 14th Five-Year plan (the census autumn of 2020), the
   * rest one by one until the data's date, so that the plan period's trends rise the way building does (a flat history
   * made every projection meaningless). Fixed dates, so that a seed gives the same facilities on any day.
   */
  private static final LocalDate PLAN_START = LocalDate.of(2020, 9, 1);
  private static final LocalDate DATA_DATE = LocalDate.of(2026, 11, 1);
  /** The provinces and cities the platform carries: Liaoning, and Luzhou in Sichuan. */
  private static final List<RegionCode> AREAS = List.of(RegionCode.of("21"), RegionCode.of("5105"));

  private final FacilityRegistry registry;
  private final RegionDirectory regions;
  private final RegionBoundaries boundaries;
  private final JdbcTemplate jdbc;
  private final AuditTrail audit;

  GeneratedFacilities(FacilityRegistry registry, RegionDirectory regions, RegionBoundaries boundaries,
                      JdbcTemplate jdbc, AuditTrail audit) {
    this.registry = registry;
    this.regions = regions;
    this.boundaries = boundaries;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /**
   * Whether any generated facility is stored. Asked for every shared fact value, so a "yes" is remembered: generated
   * facilities are never removed by the platform, and if someone removed them by hand the label would err on the side
   * of saying so. A "no" is asked again each time (an index of the generated ones answers at once).
   */
  public boolean any() {
    if (anySeen) return true;
    anySeen = Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from facility.facility where generated)",
        Boolean.class));
    return anySeen;
  }

  private volatile boolean anySeen;

  /** Generates and stores the facilities in one transaction; returns how many. */
  @Transactional
  public long generate(double scale, long seed) {
    long started = System.nanoTime();
    long written = 0;
    for (RegionCode area : AREAS) {
      for (Population county : regions.countyPopulations(area, 2020)) {
        if (county.region().level() != RegionLevel.COUNTY || !regions.exists(county.region())) continue;
        var rows = new ArrayList<Object[]>();
        var facts = new ArrayList<org.tongban.indicator.FactChange>();
        new County(county, scale, new Random(seed * 31 + county.region().value().hashCode()), rows, facts).generate();
        for (int from = 0; from < rows.size(); from += 1000) {
          jdbc.batchUpdate("insert into facility.facility (" + FacilityRegistry.INSERT_COLUMNS + ") values (?, ?, ?, ?,"
              + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)", rows.subList(from,
              Math.min(rows.size(), from + 1000)));
        }
        registry.recordFacts(facts);
        written += rows.size();
      }
    }
    audit.record("facility.generated", "facility", null, null, Map.of("count", String.valueOf(written),
        "scale", String.valueOf(scale), "seed", String.valueOf(seed)));
    log.info("Generated {} facilities (marked generated) in {} ms", written, (System.nanoTime() - started) / 1_000_000);
    return written;
  }

  private final class County {
    final Population census;
    final double scale;
    final Random random;
    final List<Object[]> rows;
    final List<org.tongban.indicator.FactChange> facts;
    final @Nullable Boundary outline;
    final List<Region> townships;
    final Map<String, Integer> numbers = new HashMap<>();

    County(Population census, double scale, Random random, List<Object[]> rows,
           List<org.tongban.indicator.FactChange> facts) {
      this.facts = facts;
      this.census = census;
      this.scale = scale;
      this.random = random;
      this.rows = rows;
      this.outline = boundaries.of(census.region()).orElse(null);
      this.townships = children(census.region());
    }

    void generate() {
      if (townships.isEmpty()) return;
      long people = census.total();
      long elderly = census.age65plus();
      long preschool = Math.round(census.age0to4() * 0.6);
      String county = regions.find(census.region()).map(Region::name).orElse("");
      // County-wide facilities, each in one of its townships.
      int nurseries = count(people / 25_000.0);
      for (int i = 0; i < nurseries; i++) {
        int places = Math.max(10, (int) Math.round(people * 0.0032 / nurseries * between(0.7, 1.3)));
        add("childcare.nursery", anyTownship(), "托育中心", "1-5 07:30-17:30", FeeRule.CHARGED, price(800, 2500),
            Map.of("places", places, "children", (int) (places * between(0.55, 0.95)), "inclusive", yes(0.7),
                "model", yes(0.1)));
      }
      int kindergartens = count(preschool / 250.0);
      for (int i = 0; i < kindergartens; i++) {
        int seats = Math.max(30, (int) Math.round(preschool * 1.1 / kindergartens * between(0.8, 1.2)));
        boolean pub = random.nextDouble() < 0.55;
        add("childcare.kindergarten", anyTownship(), "幼儿园", "1-5 07:30-17:00; 1-5 17:00-18:00 延时", FeeRule.CHARGED,
            price(pub ? 200 : 600, pub ? 600 : 2000), Map.of("ownership", pub ? "公办" : "民办",
                "inclusive", yes(pub ? 1.0 : 0.7), "stars", 1 + random.nextInt(5), "seats", seats,
                "enrolled", (int) (seats * between(0.75, 0.99)), "townshipCentre", yes(pub ? 0.3 : 0)));
      }
      add("childcare.prenatal-screening", anyTownship(), "产前筛查中心", "1-5 08:00-16:30", FeeRule.CHARGED,
          price(100, 300), Map.of("screeningsPerYear", (int) (people / 100)));
      int homes = count(elderly / 3_000.0);
      for (int i = 0; i < homes; i++) {
        int beds = Math.max(20, (int) Math.round(elderly * 0.03 / homes * between(0.7, 1.3)));
        add("eldercare.care-home", anyTownship(), "养老院", "1-7 00:00-23:59", FeeRule.CHARGED, price(1500, 4500),
            Map.of("beds", beds, "nursingBeds", (int) (beds * between(0.4, 0.7)),
                "residents", (int) (beds * between(0.5, 0.9)), "ownership", pick("公办", "民办", "公建民营"),
                "extremePoverty", yes(0.3)));
      }
      for (int i = 0; i < count(elderly / 20_000.0); i++) {
        add("eldercare.medical-care", anyTownship(), "医养结合中心", "1-7 00:00-23:59", FeeRule.CHARGED, price(2500, 6000),
            Map.of("beds", 50 + random.nextInt(250), "model", yes(0.35)));
      }
      venue("venue.library", county + "图书馆", "2-7 09:00-17:00; 2,4 17:00-20:30 延时", FeeRule.FREE, 1,
          Map.of("seats", 200 + random.nextInt(800), "volumes", 100_000 + random.nextInt(900_000)));
      venue("venue.cultural-centre", county + "文化馆", "2-7 09:00-17:00", FeeRule.FREE, 1, Map.of());
      venue("venue.museum", county + "博物馆", "2-7 09:00-17:00; 6-7 12:00-13:30 错时", FeeRule.FREE, 1 + yesInt(0.4),
          Map.of());
      venue("venue.art-gallery", county + "美术馆", "2-7 09:00-17:00", FeeRule.FREE, yesInt(0.3), Map.of());
      venue("venue.fitness-centre", county + "全民健身中心", "1-7 06:00-21:00", FeeRule.LOW_FEE, 1, Map.of());
      venue("venue.stadium", county + "体育场", "1-7 06:00-20:00", FeeRule.FREE, 1, Map.of("seats", 5_000 + random.nextInt(25_000)));
      venue("venue.gymnasium", county + "体育馆", "1-7 08:00-21:00", FeeRule.LOW_FEE, 1, Map.of("seats", 1_000 + random.nextInt(5_000)));
      venue("venue.sports-park", county + "体育公园", "1-7 05:30-22:00", FeeRule.FREE, 1, Map.of("area", 5 + random.nextInt(40)));
      for (int i = 0; i < count(people / 10_000.0); i++) {
        add("venue.football-pitch", anyTownship(), "足球场", "1-7 07:00-21:00", FeeRule.LOW_FEE, price(50, 200), Map.of());
      }
      add("welfare.disability-care", anyTownship(), "残疾人康复托养中心", "1-5 08:00-17:00", FeeRule.FREE, null,
          Map.of("service", pick("康复", "托养", "康复和托养"), "beds", 20 + random.nextInt(80)));
      if (random.nextDouble() < 0.5) {
        add("welfare.martyrs-cemetery", anyTownship(), "烈士陵园", "1-7 08:00-17:00", FeeRule.FREE, null,
            Map.of("grade", pick("省级", "市县级", "未定级")));
      }
      if (census.region().value().substring(4, 6).equals("02") || townships.size() > 15 && random.nextDouble() < 0.2) {
        add("welfare.child-welfare", anyTownship(), "儿童福利院", "1-7 00:00-23:59", FeeRule.FREE, null,
            Map.of("beds", 50 + random.nextInt(150)));
        add("welfare.glory-home", anyTownship(), "光荣院", "1-7 00:00-23:59", FeeRule.FREE, null,
            Map.of("beds", 30 + random.nextInt(70)));
      }
      if (census.region().value().substring(4, 6).equals("02") && random.nextDouble() < 0.5) {
        add("welfare.veterans-hospital", anyTownship(), "优抚医院", "1-7 00:00-23:59", FeeRule.FREE, null,
            Map.of("beds", 50 + random.nextInt(150)));
      }
      // Township facilities.
      for (Region t : townships) {
        boolean street = Integer.parseInt(t.code().value().substring(6, 9)) < 100;
        if (street) {
          for (int i = 0; i < count(0.8); i++) {
            int capacity = 50 + random.nextInt(250);
            add("eldercare.street-centre", t, "区域养老服务中心", "1-7 08:00-18:00", FeeRule.LOW_FEE, price(20, 60),
                Map.of("fullTime", yes(0.7), "dayCare", true, "homeVisits", true, "homeCareCapacity", capacity,
                    "homeCareClients", (int) (capacity * between(0.4, 0.9))));
          }
        }
        for (int i = 0; i < count(2); i++) {
          add("venue.community-court", t, "多功能运动场", "1-7 06:00-21:30", FeeRule.FREE, null, Map.of());
        }
        for (int i = 0; i < count(1); i++) {
          add("venue.fitness-trail", t, "健身步道", null, FeeRule.FREE, null, Map.of("lengthKm", 1 + random.nextInt(12)));
        }
        // Village facilities: 农家书屋 and 村级全民健身广场 in villages, 儿童之家 in some communities and villages.
        for (Region v : children(t.code())) {
          boolean village = Integer.parseInt(v.code().value().substring(9)) >= 200;
          // 社区养老服务站 in the community or village itself: the coverage targets count communities and villages
          // that have one (they sat on township codes before, and the coverage read 0 %).
          for (int i = 0; i < count(village ? 0.78 : 0.95); i++) {
            add("eldercare.community-centre", v, village ? "村养老服务站" : "社区养老服务站", "1-7 08:00-18:00",
                FeeRule.FREE, null, Map.of("floorArea", 80 + random.nextInt(800), "setting", village ? "农村" : "城镇"));
          }
          if (village) {
            for (int i = 0; i < count(0.5); i++) {
              add("venue.village-library", v, "农家书屋", "1-7 08:00-17:00", FeeRule.FREE, null,
                  Map.of("volumes", 1_200 + random.nextInt(3_000)));
            }
            for (int i = 0; i < count(0.5); i++) add("venue.village-square", v, "全民健身广场", null, FeeRule.FREE, null, Map.of());
          }
          for (int i = 0; i < count(0.1); i++) add("welfare.children-home", v, "儿童之家", "6-7 09:00-16:00", FeeRule.FREE, null, Map.of());
        }
      }
    }

    private void venue(String type, String name, String hours, FeeRule fee, int n, Map<String, Object> attributes) {
      for (int i = 0; i < count(n); i++) {
        var t = anyTownship();
        addNamed(type, t, (i == 0 ? name : name + "（分馆" + i + "）") + "（生成）", hours, fee,
            fee == FeeRule.LOW_FEE ? price(5, 30) : null, attributes);
      }
    }

    private void add(String type, Region where, String kind, @Nullable String hours, FeeRule fee,
                     @Nullable BigDecimal price, Map<String, Object> attributes) {
      int n = numbers.merge(where.code().value() + type, 1, Integer::sum);
      String name = shortName(where.name()) + (n == 1 ? "" : "第" + n) + kind + "（生成）";
      addNamed(type, where, name, hours, fee, price, attributes);
    }

    private void addNamed(String type, Region where, String name, @Nullable String hours, FeeRule fee,
                          @Nullable BigDecimal price, Map<String, Object> attributes) {
      var text = new HashMap<String, String>();
      attributes.forEach((k, v) -> text.put(k, v instanceof Boolean b ? (b ? "是" : "否") : String.valueOf(v)));
      var point = place();
      var draft = new FacilityDraft(type, name, where.code().value(), point == null ? null : point.lon(),
          point == null ? null : point.lat(), "WGS84", hours, fee, price, FacilityStatus.OPEN,
          opened(), text, List.of());
      var checked = registry.check(draft, false);
      if (!checked.valid()) throw new IllegalStateException("generator made an invalid facility: " + checked.problems());
      rows.add(registry.insertRow(new FacilityId(new UUID(random.nextLong(), random.nextLong())), draft, checked, true)
          .toArray());
      facts.addAll(registry.factsOf(draft, checked));
    }

    private LocalDate opened() {
      if (random.nextInt(5) < 3) return PLAN_START.minusDays(random.nextInt(3_000));
      return PLAN_START.plusDays(1 + random.nextInt((int) (DATA_DATE.toEpochDay() - PLAN_START.toEpochDay())));
    }

    private @Nullable GeoPoint place() {
      if (outline == null) return null;
      for (int i = 0; i < 200; i++) {
        var p = new GeoPoint(between(outline.minLon(), outline.maxLon()), between(outline.minLat(), outline.maxLat()));
        if (outline.contains(p)) return p;
      }
      return null;
    }

    private Region anyTownship() {
      return townships.get(random.nextInt(townships.size()));
    }

    /** Expected number times scale, rounded at random so that fractions add up over many counties. */
    private int count(double expected) {
      double e = expected * scale;
      int whole = (int) e;
      return whole + (random.nextDouble() < e - whole ? 1 : 0);
    }

    private double between(double low, double high) {
      return low + random.nextDouble() * (high - low);
    }

    private boolean yes(double probability) {
      return random.nextDouble() < probability;
    }

    private int yesInt(double probability) {
      return yes(probability) ? 1 : 0;
    }

    private String pick(String... options) {
      return options[random.nextInt(options.length)];
    }

    private BigDecimal price(int low, int high) {
      return BigDecimal.valueOf(low + random.nextInt(high - low + 1));
    }

    private List<Region> children(RegionCode parent) {
      var all = new ArrayList<Region>();
      for (int page = 0; ; page++) {
        var result = regions.children(parent, page, 200);
        all.addAll(result.items());
        if (!result.hasNext()) return all;
      }
    }
  }

  private static String shortName(String name) {
    return name.replaceAll("(街道|镇|乡|社区居委会|居委会|村委会|村民委员会|社区)$", "");
  }
}
