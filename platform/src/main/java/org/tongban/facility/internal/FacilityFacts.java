package org.tongban.facility.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.tongban.facility.spi.FacilityFact;
import org.tongban.facility.spi.FactInput;
import org.tongban.indicator.FactChange;
import org.tongban.indicator.spi.FactSource;
import org.tongban.shared.RegionCode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The facts facilities contribute: for each open facility, every fact of its type counts from the month it opened
 * (and stops from the month it closed). Places and attributes count as recorded now — a change of capacity counts
 * from the opening month, in the live values and in the recompute alike.
 */
@Component
public class FacilityFacts implements FactSource {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private final FacilityTypes types;
  private final DataSource dataSource;
  private final JsonMapper json;

  FacilityFacts(FacilityTypes types, DataSource dataSource, JsonMapper json) {
    this.types = types;
    this.dataSource = dataSource;
    this.json = json;
  }

  /** One facility's state, as far as facts are concerned. */
  public record State(String type, RegionCode region, @Nullable Integer capacity, int occupied,
                      Map<String, Object> attributes, @Nullable LocalDate openedOn, @Nullable LocalDate closedOn) {}

  /** The facility's contribution times {@code sign} (+1 to add it, −1 to take it back). */
  public List<FactChange> of(State s, int sign) {
    var changes = new ArrayList<FactChange>();
    if (s.openedOn() == null) return changes;
    var input = new FactInput(s.type(), s.capacity(), s.occupied(), s.attributes(), s.openedOn());
    add(changes, s, "facility.open:" + s.type(), 1, sign);
    if (s.capacity() != null) {
      add(changes, s, "facility.places:" + s.type(), s.capacity(), sign);
      add(changes, s, "facility.occupied:" + s.type(), s.occupied(), sign);
    }
    for (FacilityFact f : types.facts()) {
      if (f.type().equals(s.type())) add(changes, s, f.code(), f.value().applyAsLong(input), sign);
    }
    return changes;
  }

  /** What changes when a facility goes from {@code before} to {@code after}. */
  public List<FactChange> change(State before, State after) {
    var changes = new ArrayList<>(of(before, -1));
    changes.addAll(of(after, +1));
    return changes;
  }

  private static void add(List<FactChange> changes, State s, String fact, long value, int sign) {
    if (value == 0) return;
    changes.add(new FactChange(fact, s.region(), YearMonth.from(s.openedOn()), sign * value));
    if (s.closedOn() != null) changes.add(new FactChange(fact, s.region(), YearMonth.from(s.closedOn()), -sign * value));
  }

  @Override
  public void currentFacts(Consumer<FactChange> out) {
    var cursor = new JdbcTemplate(dataSource);
    cursor.setFetchSize(2_000);
    cursor.query("select type, region_code, capacity, occupied, attributes::text, opened_on, closed_on from facility.facility"
        + " where opened_on is not null", (RowCallbackHandler) rs -> of(new State(rs.getString(1),
        RegionCode.of(rs.getString(2)), rs.getObject(3, Integer.class), rs.getInt(4), json.readValue(rs.getString(5), MAP),
        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)), +1).forEach(out));
  }
}
