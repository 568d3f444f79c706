package org.tongban.exchange;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tongban.exchange.spi.ResourceDescriptor;
import org.tongban.exchange.spi.SharedResource;

/**
 * 资源目录: the data resources the modules declare (through {@link SharedResource}), public, each with its JSON Schema
 * derived from the declared fields.
 */
@Service
public class ResourceCatalogue {

  private final Map<String, SharedResource<?>> byCode = new LinkedHashMap<>();

  ResourceCatalogue(List<SharedResource<?>> resources) {
    resources.stream().sorted(Comparator.comparing(r -> r.descriptor().code())).forEach(r -> {
      if (byCode.putIfAbsent(r.descriptor().code(), r) != null) {
        throw new IllegalStateException("Two modules declare " + r.descriptor().code());
      }
    });
  }

  public List<ResourceDescriptor> resources() {
    return byCode.values().stream().map(SharedResource::descriptor).toList();
  }

  public ResourceDescriptor descriptor(String code) {
    return find(code).map(SharedResource::descriptor).orElseThrow(() -> new ExchangeRefusals.UnknownResource(code));
  }

  Optional<SharedResource<?>> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  List<SharedResource<?>> all() {
    return List.copyOf(byCode.values());
  }

  /** JSON Schema (draft 2020-12) of the records of {@code code}, each field with its sensitivity. */
  public Map<String, Object> schema(String code) {
    var d = descriptor(code);
    var properties = new LinkedHashMap<String, Object>();
    for (var f : d.fields()) {
      var p = new LinkedHashMap<String, Object>();
      switch (f.type()) {
        case STRING -> p.put("type", "string");
        case INTEGER -> p.put("type", "integer");
        case BOOLEAN -> p.put("type", "boolean");
        case DATE -> {
          p.put("type", "string");
          p.put("format", "date");
        }
        case DATE_TIME -> {
          p.put("type", "string");
          p.put("format", "date-time");
        }
      }
      p.put("description", f.descriptionZh() + " / " + f.descriptionEn());
      p.put("x-sensitivity", f.sensitivity().name());
      properties.put(f.name(), p);
    }
    var schema = new LinkedHashMap<String, Object>();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", "urn:tongban:exchange:" + d.code());
    schema.put("title", d.titleZh() + " " + d.titleEn());
    schema.put("type", "object");
    schema.put("properties", properties);
    return schema;
  }
}
