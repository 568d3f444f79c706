package org.tongban.booking;

import java.time.LocalDate;
import org.tongban.shared.Refusal;

/** Every expected refusal of booking, each with its readable code ({@code booking.*}). */
public final class BookingRefusals {

  private BookingRefusals() {}

  public static final class NotFound extends Refusal {
    public NotFound(String id) {
      super("booking.not-found", 404, id);
    }
  }

  public static final class InvalidDates extends Refusal {
    InvalidDates() {
      super("booking.invalid-dates", 400);
    }
  }

  public static final class InvalidResource extends Refusal {
    InvalidResource() {
      super("booking.invalid-resource", 400);
    }
  }

  public static final class NotAResident extends Refusal {
    NotAResident() {
      super("booking.not-a-resident", 403);
    }
  }

  public static final class SlotFull extends Refusal {
    SlotFull() {
      super("booking.slot-full", 409);
    }
  }

  public static final class SlotStarted extends Refusal {
    SlotStarted() {
      super("booking.slot-started", 409);
    }
  }

  public static final class AlreadyBooked extends Refusal {
    AlreadyBooked() {
      super("booking.already-booked", 409);
    }
  }

  /** An idempotency key the person already used to book another slot. */
  public static final class KeyReused extends Refusal {
    KeyReused() {
      super("booking.key-reused", 422);
    }
  }

  public static final class DailyLimit extends Refusal {
    DailyLimit(int limit) {
      super("booking.daily-limit", 409, limit);
    }
  }

  public static final class NotCancellable extends Refusal {
    NotCancellable() {
      super("booking.not-cancellable", 409);
    }
  }

  public static final class Suspended extends Refusal {
    Suspended(LocalDate until) {
      super("booking.suspended", 409, BookingManagement.NO_SHOW_LIMIT, BookingManagement.NO_SHOW_WINDOW_DAYS, until.toString());
    }
  }

  public static final class NotCheckable extends Refusal {
    NotCheckable(String status) {
      super("booking.not-checkable", 409, status);
    }
  }
}
