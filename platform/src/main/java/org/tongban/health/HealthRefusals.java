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
}
