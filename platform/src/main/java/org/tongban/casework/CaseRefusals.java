package org.tongban.casework;

import java.util.List;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.Refusal;

/**
 * Every expected refusal of casework, each with its readable code ({@code casework.*}); the web layer turns them into
 * problem details in the request's language. Statuses and actions are named in words there (as message references),
 * never as enum constants.
 */
public final class CaseRefusals {

  private CaseRefusals() {}

  static DefaultMessageSourceResolvable words(CaseStatus status) {
    return new DefaultMessageSourceResolvable(new String[] {"case.status." + status.name()}, status.zh());
  }

  static DefaultMessageSourceResolvable words(String action) {
    return new DefaultMessageSourceResolvable(new String[] {"case.action." + action}, action);
  }

  public static final class InvalidApplication extends Refusal {
    public InvalidApplication(String item, List<FieldProblem> problems) {
      super("casework.invalid-application", 400, problems, item);
    }
  }

  public static final class CaseNotFound extends Refusal {
    public CaseNotFound(String id) {
      super("casework.case-not-found", 404, id);
    }
  }

  public static final class NotYourApplication extends Refusal {
    public NotYourApplication() {
      super("casework.not-your-application", 403);
    }
  }

  /** 为家人申请 where the item is only for oneself, or not for this kind of relative. */
  public static final class NotForRelatives extends Refusal {
    public NotForRelatives(String item) {
      super("casework.not-for-relatives", 400, item);
    }
  }

  /** The household registry does not record the person as the applicant's child, parent or spouse. */
  public static final class NotARelative extends Refusal {
    public NotARelative() {
      super("casework.not-a-relative", 403);
    }
  }

  /** 法人办事 for an item only persons apply for (a unit does not claim unemployment benefit). */
  public static final class NotForUnits extends Refusal {
    public NotForUnits(String item) {
      super("casework.not-for-units", 400, item);
    }
  }

  /** An item only units apply for, asked for as a person. */
  public static final class UnitsOnly extends Refusal {
    public UnitsOnly(String item) {
      super("casework.units-only", 400, item);
    }
  }

  public static final class NotInRegistry extends Refusal {
    public NotInRegistry() {
      super("casework.not-in-registry", 409);
    }
  }

  public static final class AuthorisationRequired extends Refusal {
    public AuthorisationRequired() {
      super("casework.authorisation-required", 400);
    }
  }

  public static final class NoCompetentOffice extends Refusal {
    public NoCompetentOffice(String item, String region) {
      super("casework.no-competent-office", 422, item, region);
    }
  }

  /** The action is not possible at the case's step, or the step does not wait on the caller's office. */
  public static final class WrongStep extends Refusal {
    public WrongStep(CaseStatus status, String action) {
      super("casework.wrong-step", 409, words(status), words(action));
    }
  }

  public static final class ReasonRequired extends Refusal {
    public ReasonRequired(String action) {
      super("casework.reason-required", 400, words(action));
    }
  }

  public static final class SeatTaken extends Refusal {
    public SeatTaken() {
      super("casework.seat-taken", 409);
    }
  }

  public static final class WrongDepartment extends Refusal {
    public WrongDepartment(String office) {
      super("casework.wrong-department", 400, office);
    }
  }

  /** 转办 only to another office of the case's department in the same city (the choice the page offers). */
  public static final class ForwardOutOfReach extends Refusal {
    public ForwardOutOfReach(String office) {
      super("casework.forward-out-of-reach", 400, office);
    }
  }

  public static final class UnknownMaterial extends Refusal {
    public UnknownMaterial(String code) {
      super("casework.unknown-material", 400, code);
    }
  }

  public static final class MaterialEmpty extends Refusal {
    public MaterialEmpty() {
      super("casework.material-empty", 400);
    }
  }

  public static final class MaterialTooLarge extends Refusal {
    public MaterialTooLarge(int mebibytes) {
      super("casework.material-too-large", 413, mebibytes);
    }
  }

  /** The materials store could not take the file (its disk full, or not answering): nothing of the upload is kept. */
  public static final class MaterialNotStored extends Refusal {
    public MaterialNotStored() {
      super("casework.material-not-stored", 503);
    }
  }

  public static final class MaterialType extends Refusal {
    public MaterialType() {
      super("casework.material-type", 415);
    }
  }

  public static final class NotSupervisor extends Refusal {
    public NotSupervisor() {
      super("casework.not-supervisor", 403);
    }
  }

  /** Residents apply online (web or the app); window, phone and village-agent channels are staff's. */
  public static final class ChannelNotAllowed extends Refusal {
    public ChannelNotAllowed(String channel) {
      super("casework.channel-not-allowed", 400, channel);
    }
  }

  /** A stated region outside the item's 通办范围 (the province, or where it is offered). */
  public static final class RegionNotAllowed extends Refusal {
    public RegionNotAllowed(String region) {
      super("casework.region-not-allowed", 400, region);
    }
  }
}
