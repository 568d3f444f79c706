package org.tongban.facility;

import java.util.UUID;

/**
 * A place application was filed, decided (admitted or declined) or ended; published inside that change's transaction
 * (the exchange shares it as {@code facility.placements}, and a village station hears of a place granted at the county).
 */
public record PlacementChanged(UUID placement) {}
