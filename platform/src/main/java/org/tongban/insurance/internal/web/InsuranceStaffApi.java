package org.tongban.insurance.internal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.insurance.Award;
import org.tongban.insurance.Awards;
import org.tongban.insurance.BenefitStandards;
import org.tongban.insurance.Card;
import org.tongban.insurance.Cards;
import org.tongban.insurance.ContributionRecord;
import org.tongban.insurance.Corrections;
import org.tongban.insurance.ElectronicCards;
import org.tongban.insurance.Enrolment;
import org.tongban.insurance.Enrolments;
import org.tongban.insurance.Insurance;
import org.tongban.insurance.InsuranceParameters;
import org.tongban.insurance.InsuranceRefusals;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import org.tongban.shared.Yuan;
import org.tongban.unit.Units;

/**
 * The agency's side over HTTP (staff with a second factor): parameters with their notices, a person's ledger within
 * the officer's jurisdiction, corrections for a second officer, card loss reported for a caller or at a window, a card
 * or an electronic code checked where it is used, and stopping a benefit. Rates are public.
 */
@RestController
@RequestMapping("/api/insurance")
class InsuranceStaffApi {

  private final InsuranceParameters parameters;
  private final BenefitStandards standards;
  private final ContributionRecord record;
  private final Enrolments enrolments;
  private final Corrections corrections;
  private final Cards cards;
  private final ElectronicCards ecards;
  private final Awards awards;
  private final Residents residents;
  private final Units units;
  private final org.tongban.insurance.Qualifications qualifications;

  InsuranceStaffApi(org.tongban.insurance.Qualifications qualifications, InsuranceParameters parameters,
                    BenefitStandards standards, ContributionRecord record, Enrolments enrolments,
                    Corrections corrections, Cards cards, ElectronicCards ecards, Awards awards, Residents residents,
                    Units units) {
    this.qualifications = qualifications;
    this.parameters = parameters;
    this.standards = standards;
    this.record = record;
    this.enrolments = enrolments;
    this.corrections = corrections;
    this.cards = cards;
    this.ecards = ecards;
    this.awards = awards;
    this.residents = residents;
    this.units = units;
  }

  /** The rates on record with their notices (public: rates are published). */
  @GetMapping("/rates")
  List<InsuranceParameters.Rate> rates() {
    return parameters.rates();
  }

  record RateRequest(@Nullable String insurance, @Nullable String scheme, @Nullable String region, int riskClass,
                     @Nullable String employerPercent, @Nullable String individualPercent,
                     @Nullable String accountPercent, @Nullable YearMonth validFrom, @Nullable String notice) {}

  /** A rate from a month on, entered by the agency covering the region (percent with up to two decimals). */
  @PostMapping("/rates")
  @ResponseStatus(HttpStatus.CREATED)
  InsuranceParameters.Rate rate(@RequestBody RateRequest r) {
    if (r.validFrom() == null) throw new InsuranceRefusals.InvalidParameter("validFrom");
    return parameters.recordRate(Insurance.parse(String.valueOf(r.insurance())), String.valueOf(r.scheme()),
        String.valueOf(r.region()), r.riskClass(), bp(r.employerPercent()), bp(r.individualPercent()),
        bp(r.accountPercent()), r.validFrom(), r.notice());
  }

  record AverageWageRequest(@Nullable String province, int year, @Nullable String monthly, @Nullable String source) {}

  @PostMapping("/average-wages")
  @ResponseStatus(HttpStatus.CREATED)
  InsuranceParameters.Band averageWage(@RequestBody AverageWageRequest r) {
    long cents = Yuan.cents(r.monthly(), 100_000).orElseThrow(() -> new InsuranceRefusals.InvalidParameter("averageWage"));
    return parameters.recordAverageWage(String.valueOf(r.province()), r.year(), cents, r.source());
  }

  record StandardRequest(@Nullable String city, @Nullable String monthly, @Nullable String notice,
                         @Nullable LocalDate effectiveFrom) {}

  /** 失业保险金标准 of a city (below its minimum wage), from a day. */
  @PostMapping("/benefit-standards")
  @ResponseStatus(HttpStatus.CREATED)
  BenefitStandards.Standard standard(@RequestBody StandardRequest r) {
    return standards.record(String.valueOf(r.city()), r.monthly(), r.notice(), r.effectiveFrom());
  }

  @GetMapping("/benefit-standards")
  List<BenefitStandards.Standard> standards() {
    return standards.list();
  }

  record InjuryClassRequest(int riskClass, int floatPercent, @Nullable YearMonth from) {}

  /** A unit's 工伤 risk class and floating rate, set by the agency covering the unit. */
  @PostMapping("/units/{unit}/injury-class")
  InsuranceParameters.InjuryClass injuryClass(@PathVariable UUID unit, @RequestBody InjuryClassRequest r) {
    var found = units.find(unit).orElseThrow(() -> new org.tongban.access.OutOfJurisdiction("unit"));
    if (r.from() == null) throw new InsuranceRefusals.InvalidParameter("from");
    return parameters.setInjuryClass(found.id(), found.region(), r.riskClass(), r.floatPercent(), r.from());
  }

  /** A person's record as the agency sees it: enrolments, months and arrears, account, cards (masked), awards. */
  record PersonRecord(String name, String idNumber, List<Enrolment> enrolments,
                      Map<Insurance, ContributionRecord.Account> accounts,
                      List<ContributionRecord.AccountYear> pensionAccount, List<ContributionRecord.Entry> ledger,
                      List<StaffCardView> cards, List<Award> awards) {}

  record StaffCardView(String number, String city, Card.Status status, @Nullable Instant lostUntil,
                       @Nullable String lostChannel) {
    static StaffCardView of(Card c) {
      return new StaffCardView(c.maskedNumber(), c.city().value(), c.status(), c.lostUntil(), c.lostChannel());
    }
  }

  /** A person within the officer's jurisdiction ("not found" outside it). */
  @GetMapping("/persons/{person}/record")
  PersonRecord person(@PathVariable UUID person) {
    var r = residents.view(new PersonId(person));
    return new PersonRecord(r.name(), r.idNumberMasked(), enrolments.of(person), record.accounts(person),
        record.pensionAccount(person), record.entries(person, null, 500),
        cards.of(person).stream().map(StaffCardView::of).toList(), awards.of(person));
  }

  record CorrectionRequest(@Nullable UUID person, @Nullable String insurance, @Nullable YearMonth month,
                           @Nullable String employer, @Nullable String individual, @Nullable String reason) {}

  /** Proposes a correction of a month's due amounts (signed yuan); another officer approves it. */
  @PostMapping("/corrections")
  @ResponseStatus(HttpStatus.CREATED)
  Corrections.Correction propose(@RequestBody CorrectionRequest r) {
    if (r.person() == null) throw new InsuranceRefusals.PersonNotFound();
    return corrections.propose(r.person(), Insurance.parse(String.valueOf(r.insurance())), r.month(),
        signedCents(r.employer()), signedCents(r.individual()), r.reason());
  }

  @GetMapping("/corrections")
  List<Corrections.Correction> openCorrections() {
    return corrections.open();
  }

  record DecisionRequest(boolean approve) {}

  @PostMapping("/corrections/{id}/decision")
  Corrections.Correction decide(@PathVariable UUID id, @RequestBody DecisionRequest r) {
    return corrections.decide(id, r.approve());
  }

  record LossReportRequest(@Nullable String idNumber, Cards.@Nullable Channel channel, @Nullable String identityCheck) {}

  /** 临时挂失 for a caller on the 12333 line or a person at a window, with the identity check made. */
  @PostMapping("/cards/loss-reports")
  StaffCardView lossReport(@RequestBody LossReportRequest r) {
    var person = lookup(r.idNumber());
    return StaffCardView.of(cards.reportLostFor(person, r.channel() == null ? Cards.Channel.PHONE : r.channel(),
        r.identityCheck()));
  }

  record UseRequest(@Nullable String number, @Nullable String where) {}

  /** A card presented at a window: usable, or 409 naming its state. */
  @PostMapping("/cards/use")
  StaffCardView use(@RequestBody UseRequest r) {
    if (r.number() == null || r.number().isBlank() || r.number().length() > 20) throw new InsuranceRefusals.CardNotFound();
    return StaffCardView.of(cards.use(r.number(), where(r.where())));
  }

  record VerifyRequest(@Nullable String code, @Nullable String where) {}

  /** An electronic card's code scanned at a window: the holder (masked) when it verifies and the card is usable. */
  @PostMapping("/electronic-cards/verification")
  ElectronicCards.Holder verify(@RequestBody VerifyRequest r) {
    if (r.code() == null || r.code().length() > 2000) throw new InsuranceRefusals.ElectronicCardInvalid();
    return ecards.verify(r.code(), where(r.where()));
  }

  record QualificationRequest(@Nullable String idNumber, @Nullable String evidence) {}

  /** 待遇资格认证 by staff at a window or a home visit, with how they saw the pensioner. */
  @PostMapping("/qualifications")
  org.tongban.insurance.Qualifications.Qualification qualify(@RequestBody QualificationRequest r) {
    UUID person;
    try {
      person = residents.lookup(new IdNumber(r.idNumber() == null ? "" : r.idNumber().strip().toUpperCase()))
          .map(x -> x.id().value()).orElseThrow(InsuranceRefusals.PersonNotFound::new);
    } catch (IdNumber.InvalidIdNumber e) {
      throw new InsuranceRefusals.PersonNotFound();
    }
    return qualifications.confirmByStaff(person, r.evidence());
  }

  record StopRequest(Awards.@Nullable StopReason reason, @Nullable YearMonth lastMonth) {}

  /** Stops a benefit for a reason staff learn of (enlistment, settling abroad …). */
  @PostMapping("/awards/{id}/stop")
  Award stop(@PathVariable UUID id, @RequestBody StopRequest r) {
    return awards.stopByStaff(id, r.reason(), r.lastMonth());
  }

  private UUID lookup(@Nullable String idNumber) {
    try {
      return residents.lookup(new IdNumber(idNumber == null ? "" : idNumber.strip().toUpperCase()))
          .map(x -> x.id().value()).orElseThrow(InsuranceRefusals.CardNotFound::new);
    } catch (IdNumber.InvalidIdNumber e) {
      throw new InsuranceRefusals.CardNotFound();
    }
  }

  private static String where(@Nullable String where) {
    return where == null || where.isBlank() ? "window" : where.strip().substring(0, Math.min(where.strip().length(), 100));
  }

  /** Percent typed like "16" or "0.5" as basis points. */
  static int bp(@Nullable String percent) {
    if (percent == null || percent.isBlank()) return 0;
    return (int) Yuan.cents(percent, 50).orElseThrow(() -> new InsuranceRefusals.InvalidParameter("rate"));
  }

  static long signedCents(@Nullable String yuan) {
    if (yuan == null || yuan.isBlank()) return 0;
    String t = yuan.strip();
    boolean negative = t.startsWith("-");
    long cents = Yuan.cents(negative ? t.substring(1) : t, 1_000_000)
        .orElseThrow(() -> new InsuranceRefusals.InvalidParameter("amount"));
    return negative ? -cents : cents;
  }
}
