package org.tongban.unit;

import org.tongban.shared.Refusal;

/** Named refusals of the unit registry. */
public final class UnitRefusals {

  private UnitRefusals() {}

  public static final class UnitNotFound extends Refusal {
    public UnitNotFound(String id) {
      super("unit.not-found", 404, id);
    }
  }

  public static final class DuplicateCreditCode extends Refusal {
    public DuplicateCreditCode(String code) {
      super("unit.duplicate-credit-code", 409, code);
    }
  }

  public static final class InvalidIndustry extends Refusal {
    public InvalidIndustry(String code) {
      super("unit.invalid-industry", 400, code);
    }
  }

  public static final class CreditCodeRegionUnknown extends Refusal {
    public CreditCodeRegionUnknown(String digits) {
      super("unit.invalid-credit-code.region-unknown", 400, digits);
    }
  }

  /** A field the clerk left empty. */
  public static final class Missing extends Refusal {
    public Missing(String field) {
      super("unit.missing", 400, field);
    }
  }

  public static final class PersonNotInRegistry extends Refusal {
    public PersonNotInRegistry() {
      super("unit.person-not-in-registry", 404);
    }
  }

  /** The end date of an authorisation is past, or more than three years ahead. */
  public static final class InvalidValidity extends Refusal {
    public InvalidValidity() {
      super("unit.invalid-validity", 400);
    }
  }

  public static final class AlreadyAuthorised extends Refusal {
    public AlreadyAuthorised() {
      super("unit.already-authorised", 409);
    }
  }

  /** The signed-in person may not act for this unit (no authorisation, or it ended). */
  public static final class NotAuthorised extends Refusal {
    public NotAuthorised() {
      super("unit.not-authorised", 403);
    }
  }

  /** The person acts for the unit, but the authorisation does not cover this (e.g. recruiting with VIEW only). */
  public static final class BeyondScope extends Refusal {
    public BeyondScope(String scope) {
      super("unit.beyond-scope", 403, scope);
    }
  }

  /** Only the legal representative grants or revokes authorisations. */
  public static final class NotLegalRepresentative extends Refusal {
    public NotLegalRepresentative() {
      super("unit.not-legal-representative", 403);
    }
  }

  /** The authorisation was revoked already. */
  public static final class AgentEnded extends Refusal {
    public AgentEnded() {
      super("unit.agent-ended", 409);
    }
  }
}
