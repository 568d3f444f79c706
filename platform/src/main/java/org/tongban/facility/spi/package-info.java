/**
 * Where domain modules contribute facility types: each {@link org.tongban.facility.spi.FacilityTypeSource} bean
 * lists types with their own attributes; the registry upserts them by code at start-up.
 */
@NullMarked
@NamedInterface("spi")
package org.tongban.facility.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
