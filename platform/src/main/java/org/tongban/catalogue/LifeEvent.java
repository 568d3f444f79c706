package org.tongban.catalogue;

import java.util.List;

/** 一件事: a life event that bundles several items into one form and one set of materials. */
public record LifeEvent(String code, String name, String nameEn, String description, List<String> items) {

  public LifeEvent {
    items = List.copyOf(items);
  }
}
