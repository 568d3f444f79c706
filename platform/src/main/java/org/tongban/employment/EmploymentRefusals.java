package org.tongban.employment;

import java.util.List;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.Refusal;

/** Named refusals of the employment service. */
public final class EmploymentRefusals {

  private EmploymentRefusals() {}

  /** A vacancy that cannot be published as it is: every problem at once, each naming its rule and article. */
  public static final class InvalidVacancy extends Refusal {
    public InvalidVacancy(List<FieldProblem> problems) {
      super("employment.invalid-vacancy", 400, problems);
    }
  }

  public static final class VacancyNotFound extends Refusal {
    public VacancyNotFound(String id) {
      super("employment.vacancy-not-found", 404, id);
    }
  }

  /** The vacancy is not in the state the change needs (suspending a closed one, closing a suspended one). */
  public static final class WrongState extends Refusal {
    public WrongState(String state) {
      super("employment.wrong-state", 409, state);
    }
  }

  public static final class ReasonRequired extends Refusal {
    public ReasonRequired() {
      super("employment.reason-required", 400);
    }
  }

  public static final class InvalidMinimumWage extends Refusal {
    public InvalidMinimumWage() {
      super("employment.invalid-minimum-wage", 400);
    }
  }

  public static final class InvalidSubsidyStandard extends Refusal {
    public InvalidSubsidyStandard() {
      super("employment.invalid-subsidy-standard", 400);
    }
  }

  public static final class UnknownSubsidy extends Refusal {
    public UnknownSubsidy(String kind) {
      super("employment.unknown-subsidy", 404, kind);
    }
  }
}
