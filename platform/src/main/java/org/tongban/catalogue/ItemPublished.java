package org.tongban.catalogue;

/** A new version of an item was published. */
public record ItemPublished(String code, int version) {}
