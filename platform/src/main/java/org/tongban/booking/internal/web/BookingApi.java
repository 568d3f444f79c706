package org.tongban.booking.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.booking.BookableResource;
import org.tongban.booking.Booking;
import org.tongban.booking.BookableResources;
import org.tongban.booking.BookingManagement;
import org.tongban.booking.NewResource;
import org.tongban.booking.OpeningHours;
import org.tongban.booking.Slot;
import org.tongban.shared.RegionCode;

/** Bookings over JSON: anyone sees free places; residents book and cancel; staff open resources and check in. */
@RestController
@RequestMapping("/api/booking")
@Tag(name = "booking", description = "场馆预约 / Bookings")
class BookingApi {

  private final BookableResources resources;
  private final BookingManagement bookings;

  BookingApi(BookableResources resources, BookingManagement bookings) {
    this.resources = resources;
    this.bookings = bookings;
  }

  /** With {@code facility}, region and department are the facility's; without it, both are required. */
  record ResourceRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 40) String kind,
                         @Nullable RegionCode region, @Nullable @Size(max = 40) String department,
                         @Nullable UUID facility, @Min(1) @Max(10_000) int slotCapacity,
                         @Min(0) @Max(10_000_00) int feeCents, @Min(1) @Max(20) int dailyLimit,
                         @Min(0) @Max(168) int cancelHours) {}

  @PostMapping("/resources")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Open a bookable resource for a facility (or a region and department) in the caller's jurisdiction")
  BookableResource open(@Valid @RequestBody ResourceRequest r) {
    return resources.open(new NewResource(r.name(), r.kind(), r.region(), r.department(), r.facility(), r.slotCapacity(),
        r.feeCents(), r.dailyLimit(), r.cancelHours()));
  }

  record SlotsRequest(@NotNull LocalDate from, @Min(1) @Max(92) int days, @NotNull Set<DayOfWeek> weekdays,
                      @NotNull LocalTime opens, @NotNull LocalTime closes, @Min(10) @Max(480) int slotMinutes,
                      @Nullable LocalTime extendedUntil) {}

  @PostMapping("/resources/{id}/slots")
  @Operation(summary = "Open slots by opening hours (延时 slots after closing are marked extended)")
  int openSlots(@PathVariable UUID id, @Valid @RequestBody SlotsRequest r) {
    resources.resource(id);
    return resources.openSlots(id, r.from(), r.days(), new OpeningHours(r.weekdays(), r.opens(), r.closes(),
        r.slotMinutes(), r.extendedUntil() == null ? r.closes() : r.extendedUntil()));
  }

  @GetMapping("/resources/{id}/slots")
  @Operation(summary = "Slots of a day with their free places (public)")
  List<Slot> slots(@PathVariable UUID id, @RequestParam LocalDate day) {
    resources.resource(id);
    return resources.slots(id, day);
  }

  @PostMapping("/slots/{id}/bookings")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Book one place for the signed-in resident; 409 when the slot is full",
      description = "A repeated request with the same Idempotency-Key returns the first booking.")
  Booking book(@PathVariable UUID id,
               @Parameter(description = "Client key of this booking; repeat it on retry")
               @RequestHeader(name = "Idempotency-Key", required = false) @Nullable @Size(max = 100) String key) {
    return bookings.book(id, key);
  }

  @GetMapping("/mine")
  List<Booking> mine() {
    return bookings.mine();
  }

  @PostMapping("/bookings/{id}/cancel")
  Booking cancel(@PathVariable UUID id) {
    return bookings.cancel(id);
  }

  record CheckInRequest(@NotBlank @Size(max = 20) String ticket) {}

  @PostMapping("/check-in")
  @Operation(summary = "Check a ticket in (staff of the resource's region)")
  Booking checkIn(@Valid @RequestBody CheckInRequest r) {
    return bookings.checkIn(r.ticket());
  }
}
