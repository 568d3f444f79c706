package org.tongban.catalogue;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * 一件事: a life event that bundles several items into one form and one set of materials. {@code synonyms} are the
 * everyday words people search it by ("生孩子" for 出生一件事).
 */
public record LifeEvent(String code, String name, String nameEn, String description, List<String> items,
                        List<String> synonyms) {

  public LifeEvent(String code, String name, String nameEn, String description, List<String> items,
                   @Nullable List<String> synonyms) {
    this.code = code;
    this.name = name;
    this.nameEn = nameEn;
    this.description = description;
    this.items = List.copyOf(items);
    this.synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
  }
}
