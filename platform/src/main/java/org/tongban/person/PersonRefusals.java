package org.tongban.person;

import org.tongban.shared.Refusal;

/** Named refusals of the person registry. */
public final class PersonRefusals {

  private PersonRefusals() {}

  public static final class ResidentNotFound extends Refusal {
    public ResidentNotFound(String id) {
      super("person.not-found", 404, id);
    }
  }

  public static final class DuplicateIdNumber extends Refusal {
    public DuplicateIdNumber() {
      super("person.duplicate-id-number", 409);
    }
  }

  public static final class RegionNotVillage extends Refusal {
    public RegionNotVillage(String code) {
      super("person.region-not-village", 400, code);
    }
  }

  public static final class ReasonRequired extends Refusal {
    public ReasonRequired() {
      super("person.reason-required", 400);
    }
  }

  public static final class StaleResident extends Refusal {
    public StaleResident() {
      super("person.stale", 409);
    }
  }

  public static final class EmptyQuery extends Refusal {
    public EmptyQuery() {
      super("person.empty-query", 400);
    }
  }
}
