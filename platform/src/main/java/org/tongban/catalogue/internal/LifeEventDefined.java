package org.tongban.catalogue.internal;

/** A life event was defined or redefined; the search index is rebuilt once the change is committed. */
public record LifeEventDefined(String code) {}
