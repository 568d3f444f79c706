package org.tongban.employment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.casework.CaseQueries;
import org.tongban.person.Residents;
import org.tongban.region.RegionKind;

/**
 * Which {@link KeyGroup}s a person belongs to, and what established each: read for a whole list at once (one query per
 * source, never one per person), so lists of seekers and the subsidies' rules share one answer.
 */
@Service
@Transactional(readOnly = true)
public class KeyGroups {

  /** 退役军人优待证申领: an approved case establishes a veteran. */
  public static final String VETERAN_ITEM = "veterans.preferential-card";
  /** 高校毕业生: within this many years of graduating. */
  static final int GRADUATE_YEARS = 2;
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** A group and what the platform found that puts the person in it (a date, a place). */
  public record Membership(KeyGroup group, String found) {}

  private final JdbcClient jdbc;
  private final CaseQueries cases;
  private final Residents residents;

  KeyGroups(JdbcClient jdbc, CaseQueries cases, Residents residents) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.residents = residents;
  }

  /** One person's groups. */
  public List<Membership> of(UUID person) {
    return among(List.of(person)).getOrDefault(person, List.of());
  }

  /** Whether the person belongs to {@code group} now. */
  public boolean is(UUID person, KeyGroup group) {
    return of(person).stream().anyMatch(m -> m.group() == group);
  }

  /** Each person's groups, in the order of {@link KeyGroup}; persons in none are absent. */
  public Map<UUID, List<Membership>> among(Collection<UUID> persons) {
    var found = new HashMap<UUID, Map<KeyGroup, String>>();
    if (persons.isEmpty()) return Map.of();
    var ids = persons.toArray(UUID[]::new);
    var approvals = cases.approvals(persons, List.of(Seekers.DIFFICULTY_ITEM, VETERAN_ITEM));
    approvals.forEach((person, items) -> {
      var at = items.get(Seekers.DIFFICULTY_ITEM);
      if (at != null) put(found, person, KeyGroup.DIFFICULTY, "就业困难人员认定已批准（" + day(at) + "）");
      at = items.get(VETERAN_ITEM);
      if (at != null) put(found, person, KeyGroup.VETERAN, "退役军人优待证申领已批准（" + day(at) + "）");
    });
    jdbc.sql("select person_id, min(registered_on) from employment.unemployment_spell where person_id = any(?)"
            + " and ended_on is null group by 1")
        .param(ids).query((java.sql.ResultSet rs) -> {
          put(found, rs.getObject(1, UUID.class), KeyGroup.UNEMPLOYED,
              "失业登记（" + rs.getObject(2, LocalDate.class) + " 起）");
        });
    var since = LocalDate.now(CHINA).minusYears(GRADUATE_YEARS);
    jdbc.sql("select person_id, graduated_on from employment.seeker where person_id = any(?)"
            + " and education in ('COLLEGE', 'BACHELOR', 'POSTGRADUATE') and graduated_on >= ?")
        .params(ids, since).query((java.sql.ResultSet rs) -> {
          put(found, rs.getObject(1, UUID.class), KeyGroup.GRADUATE,
              "高校毕业生（" + rs.getObject(2, LocalDate.class) + " 毕业）");
        });
    residents.householdRegions(persons).forEach((person, region) -> {
      if (RegionKind.of(region) == RegionKind.VILLAGERS_COMMITTEE) {
        put(found, person, KeyGroup.RURAL, "户籍在村民委员会辖区（" + region.value() + "）");
      }
    });
    var result = new HashMap<UUID, List<Membership>>();
    found.forEach((person, groups) -> {
      var list = new ArrayList<Membership>();
      groups.forEach((g, why) -> list.add(new Membership(g, why)));
      result.put(person, List.copyOf(list));
    });
    return result;
  }

  /** Whether any of {@code groups} holds for the person. */
  public boolean anyOf(UUID person, Set<KeyGroup> groups) {
    return of(person).stream().anyMatch(m -> groups.contains(m.group()));
  }

  private static void put(Map<UUID, Map<KeyGroup, String>> found, UUID person, KeyGroup group, String why) {
    found.computeIfAbsent(person, k -> new EnumMap<>(KeyGroup.class)).put(group, why);
  }

  private static LocalDate day(java.time.Instant at) {
    return LocalDate.ofInstant(at, CHINA);
  }
}
