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

  /** No resident with that ID number within the clerk's reach (the same answer either way: no oracle). */
  public static final class RelativeNotFound extends Refusal {
    public RelativeNotFound() {
      super("person.relative-not-found", 404);
    }
  }

  /** The relation does not fit the two people: a parent at least 14 years older than the child, not oneself. */
  public static final class ImplausibleRelation extends Refusal {
    public ImplausibleRelation() {
      super("person.relation-implausible", 400);
    }
  }

  /** The registry already records another relation between the two. */
  public static final class RelationConflict extends Refusal {
    public RelationConflict() {
      super("person.relation-conflict", 409);
    }
  }
}
