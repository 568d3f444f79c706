package org.tongban.exchange.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An open dataset (开放数据集) a module publishes: aggregates only. The exchange lists it, serves it as JSON and CSV
 * under API-key rate limits, and withholds every value of a count column below five, whatever the module returns.
 */
public interface OpenDataset {

  /** A column; {@code count}: a number of people or things, withheld below five. */
  record Column(String name, String titleZh, String titleEn, boolean count) {}

  /** {@code parameters}: the query parameters the dataset takes (e.g. region, period), each required. */
  record Descriptor(String code, String titleZh, String titleEn, String publisherZh, String licence, String updates,
                    List<Column> columns, List<String> parameters) {

    public Descriptor {
      columns = List.copyOf(columns);
      parameters = List.copyOf(parameters);
      if (!code.matches("[a-z][a-z0-9-]{2,60}")) throw new IllegalArgumentException("dataset code " + code);
    }
  }

  Descriptor descriptor();

  /** When the data last changed, as well as the module knows. */
  Instant updatedAt();

  /** The rows for the parameters given (all of {@code parameters}, checked by the module: a Refusal when wrong). */
  List<Map<String, Object>> rows(Map<String, String> parameters);
}
