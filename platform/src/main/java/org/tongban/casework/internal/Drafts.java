package org.tongban.casework.internal;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed application forms kept for their owner (a signed-in resident) under a key ({@code item code} or
 * {@code life-event:<code>}): saved on request or whenever a submission is refused, offered again on the form,
 * removed once filed. At most 64 fields of 2,000 characters are kept.
 */
@Component
public class Drafts {

  private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};
  private final JdbcClient jdbc;
  private final JsonMapper json;

  Drafts(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Keeps the page's fields (the hidden submission key and step excepted). */
  public void save(String owner, String key, Map<String, String> params) {
    var kept = new java.util.TreeMap<String, String>();
    params.forEach((k, v) -> {
      if (!k.equals("submission") && !k.equals("step") && !k.startsWith("_") && kept.size() < 64 && v != null
          && v.length() <= 2_000) {
        kept.put(k, v);
      }
    });
    jdbc.sql("insert into casework.draft (owner, form_key, fields) values (?, ?, ?::jsonb)"
            + " on conflict (owner, form_key) do update set fields = excluded.fields, saved_at = now()")
        .params(owner, key, json.writeValueAsString(kept)).update();
  }

  public Map<String, String> find(String owner, String key) {
    return jdbc.sql("select fields from casework.draft where owner = ? and form_key = ?").params(owner, key)
        .query(String.class).optional().map(f -> json.readValue(f, FIELDS)).orElse(Map.of());
  }

  public void remove(String owner, String key) {
    jdbc.sql("delete from casework.draft where owner = ? and form_key = ?").params(owner, key).update();
  }
}
