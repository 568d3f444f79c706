package org.tongban.insurance;

import java.util.List;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.Refusal;

/** Named refusals of the social-insurance service. */
public final class InsuranceRefusals {

  private InsuranceRefusals() {}

  /** A calculator input outside what the rule covers; names the field. */
  public static final class InvalidCalculation extends Refusal {
    public InvalidCalculation(String field) {
      super("insurance.invalid-calculation", 400, field);
    }
  }

  public static final class UnknownInsurance extends Refusal {
    public UnknownInsurance(String typed) {
      super("insurance.unknown-insurance", 400, typed);
    }
  }

  /** A parameter row (rate, average wage, injury class) that cannot be recorded as typed. */
  public static final class InvalidParameter extends Refusal {
    public InvalidParameter(String field) {
      super("insurance.invalid-parameter", 400, field);
    }
  }

  /** The region has no rate for the insurance in that month, or the province no average wage for the year. */
  public static final class ParameterMissing extends Refusal {
    public ParameterMissing(String what) {
      super("insurance.parameter-missing", 409, what);
    }
  }

  /** An enrolment that cannot be made: every problem at once. */
  public static final class InvalidEnrolment extends Refusal {
    public InvalidEnrolment(List<FieldProblem> problems) {
      super("insurance.invalid-enrolment", 400, problems);
    }
  }

  /** 就业地参保 asked for a place where the person neither lives nor has recorded work. */
  public static final class NotPlaceOfWork extends Refusal {
    public NotPlaceOfWork(String region) {
      super("insurance.not-place-of-work", 409, region);
    }
  }

  public static final class AlreadyEnrolled extends Refusal {
    public AlreadyEnrolled(String insurance) {
      super("insurance.already-enrolled", 409, insurance);
    }
  }

  public static final class NotEnrolled extends Refusal {
    public NotEnrolled(String what) {
      super("insurance.not-enrolled", 404, what);
    }
  }

  /** A declaration with problems in some of its lines: every line's problem, nothing written. */
  public static final class InvalidDeclaration extends Refusal {
    public InvalidDeclaration(List<FieldProblem> problems) {
      super("insurance.invalid-declaration", 400, problems);
    }
  }

  public static final class NothingToPay extends Refusal {
    public NothingToPay(String month) {
      super("insurance.nothing-to-pay", 409, month);
    }
  }

  public static final class CorrectionNotFound extends Refusal {
    public CorrectionNotFound(String id) {
      super("insurance.correction-not-found", 404, id);
    }
  }

  /** The proposer of a correction cannot approve it, and a decided one cannot be decided again. */
  public static final class CorrectionNotOpen extends Refusal {
    public CorrectionNotOpen(String why) {
      super("insurance.correction-not-open", 409, why);
    }
  }

  public static final class PersonNotFound extends Refusal {
    public PersonNotFound() {
      super("insurance.person-not-found", 404);
    }
  }

  public static final class CardNotFound extends Refusal {
    public CardNotFound() {
      super("insurance.card-not-found", 404);
    }
  }

  /** The card is not in a state that allows this (activating a lost card, reporting a replaced one). */
  public static final class CardWrongState extends Refusal {
    public CardWrongState(String status) {
      super("insurance.card-wrong-state", 409, status);
    }
  }

  /** A card that cannot be used: reported lost, replaced, cancelled or not yet activated. */
  public static final class CardNotUsable extends Refusal {
    public CardNotUsable(String status) {
      super("insurance.card-not-usable", 409, status);
    }
  }

  /** A phone or window report of a lost card needs the identity check the agent made, in words. */
  public static final class IdentityCheckRequired extends Refusal {
    public IdentityCheckRequired() {
      super("insurance.identity-check-required", 400);
    }
  }

  /** An electronic-card code that does not verify: forged, expired or of a card no longer usable. */
  public static final class ElectronicCardInvalid extends Refusal {
    public ElectronicCardInvalid() {
      super("insurance.electronic-card-invalid", 409);
    }
  }

  public static final class AwardNotFound extends Refusal {
    public AwardNotFound(String id) {
      super("insurance.award-not-found", 404, id);
    }
  }

  public static final class AwardNotActive extends Refusal {
    public AwardNotActive() {
      super("insurance.award-not-active", 409);
    }
  }

  /** A benefit claim some rule refuses: each failed rule named with what the record shows. */
  public static final class NotEligible extends Refusal {
    private final List<Finding> failed;

    public NotEligible(List<Finding> failed) {
      super("insurance.not-eligible", 400, failed.stream().map(Finding::code).toList().toString());
      this.failed = List.copyOf(failed);
    }

    public List<Finding> failed() {
      return failed;
    }
  }

  public static final class BankFileNotFound extends Refusal {
    public BankFileNotFound(String id) {
      super("insurance.bank-file-not-found", 404, id);
    }
  }

  /** A bank return file with lines that cannot be read or name payments not sent in that file: nothing settled. */
  public static final class InvalidReturnFile extends Refusal {
    public InvalidReturnFile(List<FieldProblem> problems) {
      super("insurance.invalid-return-file", 400, problems);
    }
  }

  /**
   * An approval's terms differ from what the record computes: the amount each month (yuan) and the months (0 for a
   * pension, which has no end) the officer should grant.
   */
  public static final class TermsDiffer extends Refusal {
    public TermsDiffer(String monthlyYuan, int months) {
      super("insurance.terms-differ", 409, monthlyYuan, months);
    }
  }

  /** A transfer that cannot be made as filed: arrears to pay first, no paid months elsewhere, a wrong destination. */
  public static final class TransferBlocked extends Refusal {
    public TransferBlocked(String why) {
      super("insurance.transfer-blocked", 409, why);
    }
  }

  /** An approval's once-paid amount differs from what the record computes (yuan). */
  public static final class AmountDiffers extends Refusal {
    public AmountDiffers(String yuan) {
      super("insurance.amount-differs", 409, yuan);
    }
  }

  /** 丧葬补助金和抚恤金 already granted for this deceased person (one grant, whoever of the family claims). */
  public static final class AlreadyGranted extends Refusal {
    public AlreadyGranted() {
      super("insurance.already-granted", 409);
    }
  }

  public static final class TransferNotFound extends Refusal {
    public TransferNotFound(String id) {
      super("insurance.transfer-not-found", 404, id);
    }
  }

  /** Another province's transfer statement that cannot be entered as typed: every problem at once. */
  public static final class InvalidTransferStatement extends Refusal {
    public InvalidTransferStatement(List<FieldProblem> problems) {
      super("insurance.invalid-transfer-statement", 400, problems);
    }
  }
}
