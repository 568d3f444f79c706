package org.tongban.facility.spi;

import java.util.function.ToLongFunction;

/**
 * A fact a domain module derives from facilities of one type (children in inclusive kindergartens, nursing beds …),
 * counted while the facility is open. Every type also has {@code facility.open:<type>},
 * {@code facility.places:<type>} and {@code facility.occupied:<type>}.
 */
public record FacilityFact(String code, String nameZh, String type, ToLongFunction<FactInput> value) {}
