package org.tongban.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
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

  /**
   * One field as the page shows it. {@code input} is text, date, number, select or region (picked by name, never typed
   * as a code); {@code optionLabels} are the options in the page's language (the values stay as the schema has them).
   */
  public record Field(String name, String title, String input, boolean required, List<String> options,
               List<String> optionLabels, @Nullable Integer maxLength, @Nullable String pattern, @Nullable String value,
               boolean prefilled) {}

  /** One answer of a submitted form as staff read it: the field's title and the value in words. */
  public record Row(String label, String value) {}

  private static boolean english() {
    return "en".equals(LocaleContextHolder.getLocale().getLanguage());
  }

  private static String title(String name, JsonNode f) {
    String zh = f.path("title").asString(name);
    return english() ? f.path("x-title-en").asString(zh) : zh;
  }

  private static boolean region(String name, JsonNode f) {
    return name.endsWith("Region") || f.path("x-prefill").asString("").endsWith("Region");
  }

  private static List<String> names(JsonNode schema) {
    var names = new ArrayList<String>();
    schema.path("x-order").forEach(n -> names.add(n.asString()));
    for (var p : schema.path("properties").properties()) {
      if (!names.contains(p.getKey())) names.add(p.getKey());
    }
    return names;
  }

  /**
   * The answers of a submitted form, in the form's order, labelled by the schema's titles: enum values in the page's
   * language, regions by their names ({@code regionName}), yes/no in words.
   */
  public static List<Row> rows(JsonNode schema, JsonNode form, java.util.function.Function<String, String> regionName) {
    var rows = new ArrayList<Row>();
    boolean en = english();
    for (String name : names(schema)) {
      JsonNode value = form.path(name);
      if (value.isMissingNode() || value.isNull()) continue;
      JsonNode f = schema.path("properties").path(name);
      String text = value.isBoolean() ? (value.asBoolean() ? (en ? "Yes" : "是") : (en ? "No" : "否")) : value.asString();
      if (region(name, f)) {
        text = regionName.apply(text);
      } else if (en && f.has("enum") && f.has("x-enum-en")) {
        for (int i = 0; i < f.path("enum").size(); i++) {
          if (f.path("enum").get(i).asString().equals(text)) text = f.path("x-enum-en").path(i).asString(text);
        }
      }
      rows.add(new Row(f.isMissingNode() ? name : title(name, f), text));
    }
    // Answers the schema does not name (an older version's field) are still shown, under their key.
    for (var p : form.properties()) {
      if (!schema.path("properties").has(p.getKey())) rows.add(new Row(p.getKey(), p.getValue().asString()));
    }
    return rows;
  }

  public static List<Field> fields(JsonNode schema, @Nullable Resident holder, Map<String, String> submitted) {
    return fields(schema, holder, submitted, null);
  }

  /**
   * As above; {@code phone} is the applicant's own proven phone (their account's), which fills {@code account.phone}
   * fields such as the contact phone.
   */
  public static List<Field> fields(JsonNode schema, @Nullable Resident holder, Map<String, String> submitted,
                                   @Nullable String phone) {
    return fields(schema, holder, submitted, phone, null);
  }

  /**
   * As above, for an application for a relative ({@code subject}): {@code subject.*} fields (the child's name and date
   * of birth) come from the registry and are filled in.
   */
  public static List<Field> fields(JsonNode schema, @Nullable Resident holder, Map<String, String> submitted,
                                   @Nullable String phone, @Nullable Resident subject) {
    return fields(schema, holder, submitted, phone, subject, null);
  }

  /** As above, for a person acting for a unit: {@code unit.*} fields (its name and credit code) are filled in. */
  public static List<Field> fields(JsonNode schema, @Nullable Resident holder, Map<String, String> submitted,
                                   @Nullable String phone, @Nullable Resident subject,
                                   org.tongban.shared.@Nullable ActingUnit unit) {
    var required = new ArrayList<String>();
    schema.path("required").forEach(r -> required.add(r.asString()));
    var fields = new ArrayList<Field>();
    boolean en = english();
    for (String name : names(schema)) {
      JsonNode f = schema.path("properties").path(name);
      if (f.isMissingNode()) continue;
      var p = Map.entry(name, f);
      String input = f.has("enum") ? "select" : region(name, f) ? "region" : "date".equals(f.path("format").asString(""))
          ? "date" : "integer".equals(f.path("type").asString("")) ? "number" : "text";
      var options = new ArrayList<String>();
      f.path("enum").forEach(o -> options.add(o.asString()));
      var labels = new ArrayList<String>();
      for (int i = 0; i < options.size(); i++) {
        labels.add(en ? f.path("x-enum-en").path(i).asString(options.get(i)) : options.get(i));
      }
      String key = f.path("x-prefill").asString("");
      String prefill = key.equals("account.phone") ? phone
          : key.equals("unit.name") ? (unit == null ? null : unit.name())
          : key.equals("unit.creditCode") ? (unit == null ? null : unit.creditCode())
          : key.startsWith("subject.") ? (subject == null ? null : prefill("person." + key.substring(8), subject))
          : holder == null ? null : prefill(key, holder);
      String value = submitted.containsKey(p.getKey()) ? submitted.get(p.getKey()) : prefill;
      fields.add(new Field(p.getKey(), title(name, f), input, required.contains(p.getKey()),
          options, labels, f.has("maxLength") ? f.path("maxLength").asInt() : null,
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

  /** The form with every {@code subject.*} field set from the registry's record of the relative applied for. */
  public static JsonNode withSubject(JsonNode schema, JsonNode form, Resident subject, JsonMapper json) {
    ObjectNode filled = form.isObject() ? ((ObjectNode) form).deepCopy() : json.createObjectNode();
    for (var p : schema.path("properties").properties()) {
      String key = p.getValue().path("x-prefill").asString("");
      if (!key.startsWith("subject.")) continue;
      String held = prefill("person." + key.substring(8), subject);
      if (held != null) filled.put(p.getKey(), held);
    }
    return filled;
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
