package org.tongban.facility.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tongban.booking.spi.ResourceOwners;
import org.tongban.facility.FacilityId;
import org.tongban.facility.FacilityRegistry;
import org.tongban.facility.FacilityRegistry.FacilityNotFound;

/** Tells booking whose facility a resource is opened for: its region and its type's department. */
@Component
class FacilityResourceOwners implements ResourceOwners {

  private final FacilityRegistry registry;

  FacilityResourceOwners(FacilityRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Optional<Owner> owner(UUID facility) {
    try {
      var f = registry.view(new FacilityId(facility));
      return Optional.of(new Owner(f.region(), registry.type(f.type()).department(), f.name()));
    } catch (FacilityNotFound e) {
      return Optional.empty();
    }
  }
}
