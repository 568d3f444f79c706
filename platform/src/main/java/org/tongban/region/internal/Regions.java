package org.tongban.region.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongban.region.Region;
import org.tongban.region.RegionKind;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/** Reads and writes {@code region.region}. Prefix patterns are built from validated codes only. */
@Repository
public class Regions {

  private static final String COLUMNS =
      "code, name, level, parent_code, kind, valid_from, valid_to, successor_code";

  private final JdbcClient jdbc;

  Regions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Region> current(RegionCode code) {
    return jdbc.sql("select " + COLUMNS + " from region.region where code = ? and valid_to is null")
        .param(code.value()).query(Regions::map).optional();
  }

  public List<Region> history(RegionCode code) {
    return jdbc.sql("select " + COLUMNS + " from region.region where code = ? order by valid_from")
        .param(code.value()).query(Regions::map).list();
  }

  public List<Region> children(RegionCode parent, int offset, int limit) {
    return jdbc.sql("select " + COLUMNS + " from region.region where valid_to is null and parent_code = ?"
            + " order by code offset ? limit ?")
        .params(parent.value(), offset, limit).query(Regions::map).list();
  }

  public long countChildren(RegionCode parent) {
    return jdbc.sql("select count(*) from region.region where valid_to is null and parent_code = ?")
        .param(parent.value()).query(Long.class).single();
  }

  public List<Region> provinces() {
    return jdbc.sql("select " + COLUMNS + " from region.region where valid_to is null and level = 1 order by code")
        .query(Regions::map).list();
  }

  public List<RegionCode> descendantCodes(RegionCode ancestor) {
    return jdbc.sql("select code from region.region where valid_to is null and code like ? and code <> ? order by code")
        .params(ancestor.prefix() + "%", ancestor.value())
        .query((rs, i) -> new RegionCode(rs.getString(1))).list();
  }

  public long countDescendants(RegionCode ancestor, RegionLevel level) {
    return jdbc.sql("select count(*) from region.region where valid_to is null and code like ? and level = ?")
        .params(ancestor.prefix() + "%", level.number()).query(Long.class).single();
  }

  /**
   * Current units whose name contains {@code text}, or whose code starts with it when it is all digits,
   * inside {@code within} (everywhere when null); broader units and shorter names first.
   */
  public List<Region> search(String text, @Nullable RegionCode within, int offset, int limit) {
    return jdbc.sql("select " + COLUMNS + " from region.region where valid_to is null and code like ? and "
            + matcher(text) + " order by level, length(name), code offset ? limit ?")
        .params(scope(within), argument(text), offset, limit).query(Regions::map).list();
  }

  /** Current units of one level (any level when null) whose name contains the text, shorter names first. */
  public List<Region> searchAt(String text, @Nullable RegionLevel level, int limit) {
    return jdbc.sql("select " + COLUMNS + " from region.region where valid_to is null and (? = 0 or level = ?) and "
            + matcher(text) + " order by length(name), level, code limit ?")
        .params(level == null ? 0 : 1, level == null ? 0 : level.number(), argument(text), limit)
        .query(Regions::map).list();
  }

  public long countSearch(String text, @Nullable RegionCode within) {
    return jdbc.sql("select count(*) from region.region where valid_to is null and code like ? and " + matcher(text))
        .params(scope(within), argument(text)).query(Long.class).single();
  }

  private static boolean numeric(String text) {
    return text.chars().allMatch(Character::isDigit);
  }

  private static String matcher(String text) {
    return numeric(text) ? "code like ?" : "strpos(name, ?) > 0";
  }

  private static String argument(String text) {
    return numeric(text) ? text + "%" : text;
  }

  private static String scope(@Nullable RegionCode within) {
    return (within == null ? "" : within.prefix()) + "%";
  }

  /** Closes the current version on {@code day - 1} so that the new version starts on {@code day}. */
  public int close(RegionCode code, LocalDate day, @Nullable RegionCode successor) {
    return jdbc.sql("update region.region set valid_to = ?, successor_code = ? where code = ? and valid_to is null")
        .params(day.minusDays(1), successor == null ? null : successor.value(), code.value()).update();
  }

  public void insert(Region region, String source) {
    jdbc.sql("insert into region.region (code, name, level, parent_code, kind, valid_from, source)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(region.code().value(), region.name(), region.level().number(),
            region.parent() == null ? null : region.parent().value(), region.kind().name(), region.validFrom(),
            source)
        .update();
  }

  /** Follows successor links from a retired code to the unit that carries its values today. */
  public Optional<RegionCode> successorOf(RegionCode code) {
    return jdbc.sql("""
            with recursive chain(code, successor_code, depth) as (
              select code, successor_code, 0 from region.region where code = ? and valid_to is not null
                and successor_code is not null and not exists (
                  select 1 from region.region c where c.code = ? and c.valid_to is null)
              union all
              select r.code, r.successor_code, chain.depth + 1 from chain
                join region.region r on r.code = chain.successor_code and r.valid_to is not null
                  and r.successor_code is not null
              where chain.depth < 20
            )
            select successor_code from chain order by depth desc limit 1""")
        .params(code.value(), code.value()).query(String.class).optional().map(RegionCode::new);
  }

  static Region map(ResultSet rs, int row) throws SQLException {
    String parent = rs.getString("parent_code");
    String successor = rs.getString("successor_code");
    var validTo = rs.getObject("valid_to", LocalDate.class);
    return new Region(new RegionCode(rs.getString("code")), rs.getString("name"),
        RegionLevel.ofNumber(rs.getInt("level")), parent == null ? null : new RegionCode(parent),
        RegionKind.valueOf(rs.getString("kind")), rs.getObject("valid_from", LocalDate.class), validTo,
        successor == null ? null : new RegionCode(successor));
  }
}
