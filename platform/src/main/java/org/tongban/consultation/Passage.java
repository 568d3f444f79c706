package org.tongban.consultation;

import org.jspecify.annotations.Nullable;

/**
 * One retrievable unit of the knowledge base: an article of a law (第N条, with the law's title and date), a service
 * item's guide (with its code, to apply), or a curated answer staff wrote and another reviewed (its source in
 * {@code label}, in force from {@code date}). {@code id} is stable across restarts ("社会保险法#46", "item:hrss.x",
 * "qa:code").
 */
public record Passage(String id, Kind kind, String source, @Nullable Integer article, String label,
                      @Nullable String chapter, String text, @Nullable String date, @Nullable String itemCode) {

  public enum Kind { LAW, ITEM, QA }
}
