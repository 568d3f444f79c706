package org.tongban.facility;

/**
 * A facility was registered, changed, or a place in it taken or freed; published inside that change's transaction
 * (the exchange shares it as {@code facility.facilities}).
 */
public record FacilityChanged(FacilityId id) {}
