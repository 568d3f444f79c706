package org.tongban.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.exchange.spi.ResourceDescriptor;
import org.tongban.exchange.spi.ResourceDescriptor.Sensitivity;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.shared.RegionCode;
import org.tongban.shared.ResultPage;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 数据回流: a village or township station sees what was shared about the people of its region, wherever it was
 * decided (a case decided at the county for a villager, a death registered in the city), newest first, with names and
 * other personal fields masked: the station follows up in person and knows whom a masked name means. Each reading is
 * audited.
 */
@Service
public class FlowBack {

  /** One shared change concerning the station's people, with its resource's title and fields as the station sees them. */
  public record Item(long id, String resource, String title, String key, RegionCode region, Instant at,
                     List<Shown> fields) {}

  public record Shown(String name, String labelZh, String labelEn, @Nullable Object value) {}

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final Callers callers;
  private final OrganisationDirectory organisations;
  private final Jurisdiction jurisdiction;
  private final ResourceCatalogue catalogue;
  private final AuditTrail audit;
  private final JsonMapper json;

  FlowBack(JdbcClient jdbc, Callers callers, OrganisationDirectory organisations, Jurisdiction jurisdiction,
           ResourceCatalogue catalogue, AuditTrail audit, JsonMapper json) {
    this.jdbc = jdbc;
    this.callers = callers;
    this.organisations = organisations;
    this.jurisdiction = jurisdiction;
    this.catalogue = catalogue;
    this.audit = audit;
    this.json = json;
  }

  /** The caller's station: a village station, or a service hall of a township or street; else "not a station". */
  public Office station() {
    var office = callers.current().office();
    return (office == null ? java.util.Optional.<Office>empty() : organisations.find(OfficeId.of(office)))
        .filter(Office::isStation)
        .filter(o -> jurisdiction.allows(o.region(), null, Purpose.VIEW))
        .orElseThrow(NotAStation::new);
  }

  /** Changes concerning the station's region, newest first, before {@code before} (a cursor; 0 for the newest). */
  public List<Item> forStation(long before, int limit) {
    var station = station();
    var rows = jdbc.sql("select id, resource, record_key, region_code, fields::text, occurred_at from exchange.outbox"
            + " where region_code like ? and (? = 0 or id < ?) order by id desc limit ?")
        .params(station.region().prefix() + "%", before, before, ResultPage.size(limit))
        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getTimestamp(6).toInstant()}).list();
    audit.record("exchange.flow-back-read", "office", station.id().toString(), station.region(),
        Map.of("items", String.valueOf(rows.size())));
    return rows.stream().map(r -> item(r)).flatMap(java.util.Optional::stream).toList();
  }

  private java.util.Optional<Item> item(Object[] r) {
    var found = catalogue.find((String) r[1]);
    if (found.isEmpty()) return java.util.Optional.empty();
    ResourceDescriptor d = found.get().descriptor();
    var fields = Masking.forLevel(d, json.readValue((String) r[4], MAP), Sensitivity.MASKED);
    var shown = d.fields().stream().filter(f -> fields.containsKey(f.name()))
        .map(f -> new Shown(f.name(), f.descriptionZh(), f.descriptionEn(), fields.get(f.name()))).toList();
    return java.util.Optional.of(new Item((Long) r[0], d.code(), d.titleZh() + " " + d.titleEn(), (String) r[2],
        RegionCode.of((String) r[3]), (Instant) r[5], shown));
  }

  public static final class NotAStation extends org.tongban.shared.Refusal {
    public NotAStation() {
      super("exchange.not-a-station", 403);
    }
  }
}
