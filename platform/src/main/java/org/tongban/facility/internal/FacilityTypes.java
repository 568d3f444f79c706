package org.tongban.facility.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.facility.spi.FacilityType;
import org.tongban.facility.spi.FacilityTypeSource;
import tools.jackson.databind.json.JsonMapper;

/** Every facility type the domain modules contribute, upserted by code at start-up. */
@Component
public class FacilityTypes {

  private final Map<String, FacilityType> types = new LinkedHashMap<>();
  private final java.util.List<org.tongban.facility.spi.FacilityFact> facts = new java.util.ArrayList<>();

  FacilityTypes(List<FacilityTypeSource> sources, JdbcClient jdbc, TransactionTemplate tx, JsonMapper json) {
    for (FacilityTypeSource source : sources) {
      String module = source.getClass().getPackageName().replace("org.tongban.", "").replaceAll("\\..*", "");
      for (FacilityType type : source.facilityTypes()) {
        if (!type.code().startsWith(module + ".")) {
          throw new IllegalStateException(type.code() + ": facility type codes begin with the module name " + module);
        }
        if (types.putIfAbsent(type.code(), type) != null) {
          throw new IllegalStateException("facility type contributed twice: " + type.code());
        }
      }
      for (var fact : source.facilityFacts()) {
        if (!fact.code().startsWith(module + ".")) throw new IllegalStateException(fact.code() + ": begin with " + module);
        facts.add(fact);
      }
    }
    tx.executeWithoutResult(s -> types.values().forEach(t -> jdbc.sql("""
            insert into facility.type (code, module, name_zh, name_en, department, definition)
            values (?, ?, ?, ?, ?, cast(? as jsonb))
            on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en,
              department = excluded.department, definition = excluded.definition, updated_at = now()""")
        .params(t.code(), t.code().substring(0, t.code().indexOf('.')), t.nameZh(), t.nameEn(), t.department(),
            json.writeValueAsString(t))
        .update()));
  }

  public List<FacilityType> all() {
    return List.copyOf(types.values());
  }

  /** Facts derived by domain modules, checked against the types once all are known. */
  public java.util.List<org.tongban.facility.spi.FacilityFact> facts() {
    return java.util.List.copyOf(facts);
  }

  public Optional<FacilityType> find(String code) {
    return Optional.ofNullable(types.get(code));
  }
}
