package org.tongban.region;

import java.time.Instant;

/** Divisions were imported, renamed or merged; anything derived from them may be stale. */
public record RegionsChanged(String source, Instant at) {}
