package org.tongban.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tongban.person.Resident;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders an item's JSON Schema form as fields for the server-side page, fills them from data the platform
 * holds ({@code x-prefill}), and reads a submitted page back into JSON typed by the schema.
 */
public final class ApplicationForm {

  private ApplicationForm() {}

  /** One field as the page shows it. {@code input} is text, date, number or select. */
  public record Field(String name, String title, String input, boolean required, List<String> options,
               @Nullable Integer maxLength, @Nullable String pattern, @Nullable String value, boolean prefilled) {}

  public static List<Field> fields(JsonNode schema, @Nullable Resident holder, Map<String, String> submitted) {
    var required = new ArrayList<String>();
    schema.path("required").forEach(r -> required.add(r.asString()));
    var fields = new ArrayList<Field>();
    var names = new ArrayList<String>();
    schema.path("x-order").forEach(n -> names.add(n.asString()));
    for (var p : schema.path("properties").properties()) {
      if (!names.contains(p.getKey())) names.add(p.getKey());
    }
    for (String name : names) {
      JsonNode f = schema.path("properties").path(name);
      if (f.isMissingNode()) continue;
      var p = Map.entry(name, f);
      String input = f.has("enum") ? "select" : "date".equals(f.path("format").asString(""))
          ? "date" : "integer".equals(f.path("type").asString("")) ? "number" : "text";
      var options = new ArrayList<String>();
      f.path("enum").forEach(o -> options.add(o.asString()));
      String prefill = holder == null ? null : prefill(f.path("x-prefill").asString(""), holder);
      String value = submitted.containsKey(p.getKey()) ? submitted.get(p.getKey()) : prefill;
      fields.add(new Field(p.getKey(), f.path("title").asString(p.getKey()), input, required.contains(p.getKey()),
          options, f.has("maxLength") ? f.path("maxLength").asInt() : null,
          f.has("pattern") ? f.path("pattern").asString() : null, value, prefill != null));
    }
    return fields;
  }

  public static @Nullable String prefill(String key, Resident r) {
    return switch (key) {
      case "person.name" -> r.name();
      case "person.birthDate" -> r.birthDate().toString();
      case "person.sex" -> r.sex().name();
      case "person.householdRegion" -> r.householdRegion().value();
      case "person.residenceRegion" -> r.residenceRegion().value();
      default -> null;
    };
  }

  /** The submitted page as JSON: blank fields left out, integers parsed where the schema says so. */
  public static ObjectNode read(JsonNode schema, Map<String, String> params, JsonMapper json) {
    ObjectNode data = json.createObjectNode();
    for (var p : schema.path("properties").properties()) {
      String v = params.get(p.getKey());
      if (v == null || v.isBlank()) continue;
      v = v.strip();
      if ("integer".equals(p.getValue().path("type").asString(""))) {
        try {
          data.put(p.getKey(), Long.parseLong(v));
        } catch (NumberFormatException e) {
          data.put(p.getKey(), v); // left for the schema to refuse, with the field's title
        }
      } else {
        data.put(p.getKey(), v);
      }
    }
    return data;
  }
}
