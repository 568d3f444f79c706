package org.tongban.facility;

import org.jspecify.annotations.Nullable;
import org.tongban.shared.GeoPoint;
import org.tongban.shared.RegionCode;

/**
 * What a finder asks for; every part is optional.
 *
 * @param within    region and everything inside it
 * @param text      part of the name
 * @param freeOnly  only facilities with free places
 * @param near      order by distance from this WGS-84 point, within {@code radiusKm}
 * @param status    null: open facilities only (the public finder); staff may ask for any status
 */
public record FacilityQuery(@Nullable String type, @Nullable RegionCode within, @Nullable String text,
                            boolean freeOnly, @Nullable GeoPoint near, double radiusKm,
                            @Nullable FacilityStatus status) {}
