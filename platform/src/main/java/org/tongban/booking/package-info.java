/**
 * Bookings (预约): bookable resources with time slots and a capacity, residents' bookings with a QR ticket,
 * cancellation and check-in by staff. Taking a place is one conditional update of one of the slot's parts, so
 * nothing is overbooked and a popular slot still takes bookings in parallel.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "region", "access", "audit", "identity", "person", "exchange::spi"})
package org.tongban.booking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
