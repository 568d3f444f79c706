package org.tongban.booking.spi;

import java.util.Optional;
import java.util.UUID;
import org.tongban.shared.RegionCode;

/**
 * Who owns the place a bookable resource belongs to: implemented by the module that keeps facilities. Booking asks it
 * when a resource is opened for a facility, so that a resource can only be attached to a facility of the caller's own
 * region and department, and takes the facility's region and department.
 */
public interface ResourceOwners {

  /** The facility's region, supervising department and name; empty when there is no such facility. */
  Optional<Owner> owner(UUID facility);

  record Owner(RegionCode region, String department, String name) {}
}
