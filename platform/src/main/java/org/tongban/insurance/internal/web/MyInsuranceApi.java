package org.tongban.insurance.internal.web;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.insurance.Award;
import org.tongban.insurance.Awards;
import org.tongban.insurance.Card;
import org.tongban.insurance.Cards;
import org.tongban.insurance.ContributionRecord;
import org.tongban.insurance.Declarations;
import org.tongban.insurance.ElectronicCards;
import org.tongban.insurance.Enrolment;
import org.tongban.insurance.Enrolments;
import org.tongban.insurance.Insurance;
import org.tongban.insurance.Pensions;
import org.tongban.insurance.UnemploymentBenefits;

/**
 * A resident's own insurance over HTTP (signed in, linked to the registry): the record, enrolling as a flexible worker
 * or in a residents' scheme, paying a flexible month, the card and its electronic code, and the benefits computed from
 * the record with their claims. Nothing here takes an id: everything is the caller's own.
 */
@RestController
@RequestMapping("/api/insurance/me")
class MyInsuranceApi {

  private final Enrolments enrolments;
  private final Declarations declarations;
  private final ContributionRecord record;
  private final Cards cards;
  private final ElectronicCards ecards;
  private final Awards awards;
  private final UnemploymentBenefits unemployment;
  private final Pensions pensions;
  private final org.tongban.insurance.Qualifications qualifications;
  private final org.tongban.insurance.WorkInjuries injuries;

  MyInsuranceApi(org.tongban.insurance.WorkInjuries injuries, org.tongban.insurance.Qualifications qualifications, Enrolments enrolments, Declarations declarations, ContributionRecord record, Cards cards,
                 ElectronicCards ecards, Awards awards, UnemploymentBenefits unemployment, Pensions pensions) {
    this.qualifications = qualifications;
    this.injuries = injuries;
    this.enrolments = enrolments;
    this.declarations = declarations;
    this.record = record;
    this.cards = cards;
    this.ecards = ecards;
    this.awards = awards;
    this.unemployment = unemployment;
    this.pensions = pensions;
  }

  /** The whole record: enrolments, each insurance's months and arrears, the pension account by year, cards, awards. */
  record RecordResponse(List<Enrolment> enrolments, Map<Insurance, ContributionRecord.Account> accounts,
                        List<ContributionRecord.AccountYear> pensionAccount, List<CardView> cards, List<Award> awards) {}

  /** A card as shown to its holder. */
  record CardView(String number, String city, Card.Status status, Instant issuedAt, @Nullable Instant lostUntil,
                  @Nullable String lostChannel) {
    static CardView of(Card c) {
      return new CardView(c.number(), c.city().value(), c.status(), c.issuedAt(), c.lostUntil(), c.lostChannel());
    }
  }

  @GetMapping("/record")
  RecordResponse record() {
    var me = enrolments.mine();
    var person = enrolments.myPersonId();
    return new RecordResponse(me, record.accounts(person), record.pensionAccount(person),
        cards.of(person).stream().map(CardView::of).toList(), awards.of(person));
  }

  record FlexibleRequest(@Nullable String workPlace, @Nullable Set<String> insurances) {}

  /** 灵活就业人员参保 at the place of work (a county code or below). */
  @PostMapping("/flexible-enrolments")
  @ResponseStatus(HttpStatus.CREATED)
  List<Enrolment> flexible(@RequestBody FlexibleRequest request) {
    return enrolments.enrolFlexible(request.workPlace(), parse(request.insurances()));
  }

  /** 灵活就业人员停保: ends the caller's flexible enrolments with this month. */
  @PostMapping("/flexible-enrolments/end")
  List<Enrolment> endFlexible() {
    return enrolments.endFlexible();
  }

  record ResidentSchemeRequest(@Nullable String insurance) {}

  @PostMapping("/resident-enrolments")
  @ResponseStatus(HttpStatus.CREATED)
  Enrolment residentScheme(@RequestBody ResidentSchemeRequest request) {
    return enrolments.enrolResident(Insurance.parse(request.insurance() == null ? "" : request.insurance()));
  }

  record OwnMonthRequest(@Nullable YearMonth month, @Nullable String base) {}

  /** A flexible worker's month, declared and paid at once (base in yuan within the band; the floor if none). */
  @PostMapping("/contributions")
  @ResponseStatus(HttpStatus.CREATED)
  Declarations.Paid payOwnMonth(@RequestBody OwnMonthRequest request) {
    return declarations.payOwnMonth(request.month(), request.base());
  }

  @PostMapping("/card/activation")
  CardView activate() {
    return CardView.of(cards.activate());
  }

  record LossRequest(boolean formal) {}

  /** 挂失: temporary at once (lapses after the configured days), or formal (ends the card; then apply for 补换). */
  @PostMapping("/card/loss")
  CardView lost(@RequestBody LossRequest request) {
    return CardView.of(request.formal() ? cards.reportLostFormally() : cards.reportLostOnline());
  }

  /** 解除临时挂失: the card was found. */
  @PostMapping("/card/found")
  CardView found() {
    return CardView.of(cards.found());
  }

  /** A fresh electronic-card code (JWS) for the QR, valid for minutes. */
  @PostMapping("/card/electronic")
  ElectronicCards.Code electronic() {
    return ecards.show();
  }

  /** 待遇资格认证 online by the pensioner (the sign-in is the check): valid for a year. */
  @PostMapping("/qualification")
  org.tongban.insurance.Qualifications.Qualification qualify() {
    return qualifications.confirmOnline();
  }

  /** By when the caller (or their employer) must apply for 工伤认定 after an accident on {@code injuryDate}. */
  @GetMapping("/work-injury")
  org.tongban.insurance.WorkInjuries.Assessment workInjury(
      @RequestParam(required = false) java.time.@Nullable LocalDate injuryDate) {
    return injuries.assess(enrolments.myPersonId(), injuryDate,
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), false, null);
  }

  @GetMapping("/unemployment-benefit")
  UnemploymentBenefits.Assessment unemployment() {
    return unemployment.mine();
  }

  record ClaimRequest(@Nullable String bankAccount, @Nullable String contactPhone, @Nullable String submission) {}

  /** Files the claim when every rule is met (else 400 naming the failed rules, nothing filed); the case's number. */
  @PostMapping("/unemployment-benefit")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, String> claimUnemployment(@RequestBody ClaimRequest request) {
    var filed = unemployment.claim(request.bankAccount(), request.contactPhone(), request.submission());
    return Map.of("case", filed.id().toString(), "number", filed.number());
  }

  @GetMapping("/pension")
  Pensions.Assessment pension(@RequestParam(defaultValue = "60") int originalAge,
                              @RequestParam(required = false) @Nullable YearMonth retireMonth) {
    return pensions.mine(originalAge, retireMonth);
  }

  record PensionClaimRequest(int originalAge, @Nullable YearMonth retireMonth, @Nullable String bankAccount,
                             @Nullable String contactPhone, @Nullable String submission) {}

  @PostMapping("/pension")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, String> claimPension(@RequestBody PensionClaimRequest request) {
    var filed = pensions.claim(request.originalAge(), request.retireMonth(), request.bankAccount(),
        request.contactPhone(), request.submission());
    return Map.of("case", filed.id().toString(), "number", filed.number());
  }

  static Set<Insurance> parse(@Nullable Set<String> typed) {
    if (typed == null) return Set.of();
    return typed.stream().filter(t -> t != null && !t.isBlank()).map(Insurance::parse).collect(Collectors.toSet());
  }
}
