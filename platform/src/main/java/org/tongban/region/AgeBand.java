package org.tongban.region;

import org.jspecify.annotations.Nullable;

/** People of one sex in a five-year age band; {@code toAge} is null for the open top band (85+). */
public record AgeBand(char sex, int fromAge, @Nullable Integer toAge, long people) {}
