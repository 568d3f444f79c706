package org.tongban.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.tongban.exchange.spi.OpenDataset;

/**
 * 开放共享: the open datasets the modules publish, each with its licence, update time and formats. Only aggregates;
 * every count below {@value #SMALL} is withheld here (null, with the row marked), whatever a module returns, so a
 * small village's few cases never name anyone.
 */
@Service
public class OpenData {

  static final int SMALL = 5;

  /** A dataset as the catalogue lists it. */
  public record Dataset(OpenDataset.Descriptor descriptor, Instant updatedAt, List<String> formats) {}

  private final Map<String, OpenDataset> byCode = new LinkedHashMap<>();

  OpenData(List<OpenDataset> datasets) {
    datasets.stream().sorted(Comparator.comparing(d -> d.descriptor().code())).forEach(d -> {
      if (byCode.putIfAbsent(d.descriptor().code(), d) != null) {
        throw new IllegalStateException("Two modules publish " + d.descriptor().code());
      }
    });
  }

  public List<Dataset> catalogue() {
    return byCode.values().stream().map(OpenData::dataset).toList();
  }

  public Dataset dataset(String code) {
    return dataset(find(code));
  }

  /** The rows for {@code parameters}, small counts withheld; a missing parameter is a clear problem. */
  public List<Map<String, Object>> rows(String code, Map<String, String> parameters) {
    var d = find(code);
    var given = new LinkedHashMap<String, String>();
    for (String p : d.descriptor().parameters()) {
      String v = parameters.get(p);
      if (v == null || v.isBlank() || v.length() > 40) throw new ExchangeRefusals.Invalid(p);
      given.put(p, v.strip());
    }
    var out = new ArrayList<Map<String, Object>>();
    for (var row : d.rows(given)) out.add(withheld(d.descriptor(), row));
    return out;
  }

  static Map<String, Object> withheld(OpenDataset.Descriptor d, Map<String, Object> row) {
    var out = new LinkedHashMap<String, Object>();
    boolean suppressed = Boolean.TRUE.equals(row.get("suppressed"));
    for (var c : d.columns()) {
      @Nullable Object v = row.get(c.name());
      if (c.count() && v instanceof Number n && n.doubleValue() > 0 && n.doubleValue() < SMALL) {
        v = null;
        suppressed = true;
      }
      out.put(c.name(), v);
    }
    out.put("suppressed", suppressed);
    return out;
  }

  private OpenDataset find(String code) {
    var d = byCode.get(code);
    if (d == null) throw new ExchangeRefusals.UnknownResource(code);
    return d;
  }

  private static Dataset dataset(OpenDataset d) {
    return new Dataset(d.descriptor(), d.updatedAt(), List.of("json", "csv"));
  }
}
