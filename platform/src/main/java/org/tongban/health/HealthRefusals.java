package org.tongban.health;

import org.tongban.shared.Refusal;

/** Named refusals of the health record, each with a clerk's message in messages.properties. */
public final class HealthRefusals {

  private HealthRefusals() {}

  public static final class Invalid extends Refusal {
    public Invalid(String field) {
      super("health.invalid", 400, field);
    }
  }

  public static final class NotFound extends Refusal {
    public NotFound(String what) {
      super("health.not-found", 404, what);
    }
  }

  public static final class NotAResident extends Refusal {
    public NotAResident() {
      super("health.not-a-resident", 403);
    }
  }

  /** A disease that is not notifiable under 传染病防治法 (not in the list the platform holds). */
  public static final class UnknownDisease extends Refusal {
    public UnknownDisease(String code) {
      super("health.unknown-disease", 422, code);
    }
  }

  /** A patient who does not live in the reporting clinic's county. */
  public static final class OtherCounty extends Refusal {
    public OtherCounty(String county) {
      super("health.other-county", 403, county);
    }
  }

  /** The same person reported for the same disease with an onset within 30 days: the earlier card stands. */
  public static final class DuplicateReport extends Refusal {
    public DuplicateReport(String earlier) {
      super("health.duplicate-report", 409, earlier);
    }
  }

  public static final class WrongState extends Refusal {
    public WrongState(String status) {
      super("health.wrong-state", 409, status);
    }
  }

  /** A system whose token lacks the scope, or that is not registered as a clinic. */
  public static final class NotAClinic extends Refusal {
    public NotAClinic() {
      super("health.not-a-clinic", 403);
    }
  }

  /** The resident does not meet the programme's condition (age, sex, a date too long ago). */
  public static final class Ineligible extends Refusal {
    public Ineligible(String why) {
      super("health.ineligible", 422, why);
    }
  }

  /** Already managed in the programme: one open enrolment per programme. */
  public static final class AlreadyEnrolled extends Refusal {
    public AlreadyEnrolled(String programme) {
      super("health.already-enrolled", 409, programme);
    }
  }

  /** A reading outside what a measuring device shows: a typing mistake, nothing stored. */
  public static final class OutOfRange extends Refusal {
    public OutOfRange(String what, String min, String max, String unit) {
      super("health.out-of-range", 400, what, min, max, unit);
    }
  }
}
