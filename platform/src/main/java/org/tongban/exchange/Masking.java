package org.tongban.exchange;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tongban.exchange.spi.ResourceDescriptor;
import org.tongban.exchange.spi.ResourceDescriptor.Sensitivity;

/**
 * What a subscriber granted {@code level} receives of a record: fields at or below its level as they are; a PERSONAL
 * field masked for a MASKED subscriber (the first character kept, the rest starred); anything above dropped. Fields
 * the descriptor does not declare are never sent.
 */
final class Masking {

  private Masking() {}

  static Map<String, Object> forLevel(ResourceDescriptor descriptor, Map<String, Object> fields, Sensitivity level) {
    var out = new LinkedHashMap<String, Object>();
    for (var f : descriptor.fields()) {
      if (!fields.containsKey(f.name())) continue;
      Object value = fields.get(f.name());
      if (f.sensitivity().ordinal() <= level.ordinal()) {
        out.put(f.name(), value);
      } else if (f.sensitivity() == Sensitivity.PERSONAL && level == Sensitivity.MASKED && value != null) {
        out.put(f.name(), mask(String.valueOf(value)));
      }
    }
    return out;
  }

  static String mask(String value) {
    if (value.isEmpty()) return value;
    int first = value.codePointAt(0);
    int rest = value.codePointCount(0, value.length()) - 1;
    return new String(Character.toChars(first)) + "*".repeat(Math.max(1, Math.min(rest, 8)));
  }
}
