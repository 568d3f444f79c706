package org.tongban.catalogue;

import java.time.Instant;

/** One published version of an item. Versions count from 1 and never change once published. */
public record ItemVersion(String code, int version, ItemSpec spec, Instant publishedAt) {

  public String name() {
    return spec.name();
  }
}
