package org.tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.tongban.StaffFixtures.as;
import static org.tongban.casework.CaseworkFixtures.DADONG;
import static org.tongban.casework.CaseworkFixtures.HEPING;
import static org.tongban.casework.CaseworkFixtures.SHENHE;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.tongban.casework.CaseworkFixtures.Applicant;
import org.tongban.casework.CaseRefusals.CaseNotFound;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.Office;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.RegionCode;
import org.tongban.shared.WorkingDayCalendar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every workflow template end to end, with routing, clocks, results, ratings and who may see what. */
@SpringBootTest
@Tag("persistence")
class CaseworkTests {

  @Autowired Casework casework;
  @Autowired org.tongban.casework.Applications applications;
  @Autowired org.tongban.casework.CaseQueries cases;
  @Autowired Ratings ratings;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired org.tongban.catalogue.ServiceCatalogue catalogue;
  @Autowired org.tongban.audit.AuditTrail audit;

  CaseworkFixtures fixtures;
  Office hepingHrss;
  Office shenheHrss;
  Office shenheHall;
  Office dadongHrss;

  @BeforeEach
  void offices() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    hepingHrss = fixtures.office("hrss", HEPING);
    shenheHrss = fixtures.office("hrss", SHENHE);
    shenheHall = fixtures.office("government-services", SHENHE);
    dadongHrss = fixtures.office("hrss", DADONG);
  }

  private JsonNode form(String text) {
    return json.readTree(text);
  }

  private CaseFile applyOnly(Applicant a, String item, String formJson) {
    return as(a.user(), () -> applications.apply(new NewApplication(item, a.person().id(), Channel.WEB, RegionBasis.RESIDENCE,
        null, form(formJson), null, null)));
  }

  /** Applies online and uploads what the platform cannot fetch, as an applicant would before pre-check. */
  private CaseFile apply(Applicant a, String item, String formJson) {
    var c = as(a.user(), () -> applications.apply(new NewApplication(item, a.person().id(), Channel.WEB,
        RegionBasis.RESIDENCE, null, form(formJson), null, null)));
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, a.user(), c.id());
    return c;
  }

  /** Takes the step; an approval grants {@link CaseworkFixtures#TERMS} (ignored by items that pay nothing). */
  private CaseFile act(UserDetails who, CaseFile c, CaseAction action, String note) {
    return as(who, () -> casework.act(c.id(), action, note, CaseworkFixtures.TERMS));
  }

  @Test
  void immediateItemIsDecidedOnTheSpotIssuesACertificateAndTellsTheApplicant() {
    var anna = fixtures.resident("王安娜", HEPING);
    var c = apply(anna, "hrss.unemployment-registration",
        "{\"applicantName\":\"王安娜\",\"endDate\":\"2026-10-31\",\"endReason\":\"合同期满\",\"contactPhone\":\"13800001111\"}");
    assertThat(c.status()).isEqualTo(CaseStatus.PRE_REVIEW);
    assertThat(c.competentOffice()).isEqualTo(hepingHrss.id());
    assertThat(c.dueDate()).isEqualTo(LocalDate.now(Casework.CHINA));
    var clerk = fixtures.staff(hepingHrss, "OFFICER");
    act(clerk, c, CaseAction.PASS, null);
    var done = act(clerk, c, CaseAction.APPROVE, null);
    assertThat(done.status()).isEqualTo(CaseStatus.DELIVERED);
    assertThat(done.decision()).isEqualTo("APPROVED");
    var results = as(anna.user(), () -> cases.results(c.id()));
    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.title()).isEqualTo("失业登记证明");
      assertThat(r.holderMasked()).doesNotContain(anna.person().name()).contains("*");
    });
    byte[] pdf = as(anna.user(), () -> cases.resultFile(c.id(), results.getFirst().code()));
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from casework.notice where case_id = ?")
        .param(c.id().value()).query(Long.class).single() >= 2);
    // The e-certificate is then fetched, not asked for, by the next item that needs it.
    var claim = apply(anna, "hrss.unemployment-benefit", """
        {"applicantName":"王安娜","endDate":"2026-10-31","endReason":"合同期满","bankAccount":"6222020200112233","contactPhone":"13800001111"}""");
    assertThat(as(anna.user(), () -> cases.materials(claim.id())))
        .anySatisfy(m -> assertThat(m.fetchedFrom()).startsWith("本平台电子证照 " + results.getFirst().code()))
        .anySatisfy(m -> assertThat(m.fetchedFrom()).startsWith("人口基础信息库已核验"))
        // 参保缴费记录 is not held by the platform yet: the applicant uploaded it, and nothing claims it was fetched.
        .anySatisfy(m -> {
          assertThat(m.code()).isEqualTo("insurance-record");
          assertThat(m.fetchedFrom()).isNull();
          assertThat(m.contentType()).isEqualTo("application/pdf");
        });
  }

  @Test
  void promisedItemRunsAcceptReviewDecideDeliverOnTheWorkingDayClock() {
    var bo = fixtures.resident("李博", HEPING);
    var c = apply(bo, "hrss.unemployment-benefit", """
        {"applicantName":"李博","endDate":"2026-10-31","endReason":"用人单位解除","bankAccount":"6222020200112233","contactPhone":"13800002222"}""");
    // The statutory limit counts from 受理, not from filing: no due date until the office accepts.
    assertThat(c.dueDate()).isNull();
    var officer = fixtures.staff(hepingHrss, "OFFICER");
    act(officer, c, CaseAction.PASS, null);
    var accepted = act(officer, c, CaseAction.ACCEPT, null);
    assertThat(accepted.status()).isEqualTo(CaseStatus.UNDER_REVIEW);
    assertThat(accepted.dueDate()).isEqualTo(WorkingDayCalendar.official().addWorkingDays(LocalDate.now(Casework.CHINA), 5));
    assertThat(act(officer, c, CaseAction.AGREE, null).status()).isEqualTo(CaseStatus.AWAITING_DECISION);
    assertThatThrownBy(() -> act(officer, c, CaseAction.DENY, " ")).isInstanceOf(CaseRefusals.ReasonRequired.class);
    assertThat(act(officer, c, CaseAction.APPROVE, null).status()).isEqualTo(CaseStatus.AWAITING_DELIVERY);
    assertThat(act(officer, c, CaseAction.DELIVER, null).status()).isEqualTo(CaseStatus.DELIVERED);
    assertThat(as(bo.user(), () -> cases.timeline(c.id()))).extracting(CaseQueries.TimelineEntry::action)
        .filteredOn(a -> !a.equals("MATERIAL_ADDED"))
        .containsExactly("submitted", "PASS", "ACCEPT", "AGREE", "APPROVE", "DELIVER");
  }

  @Test
  void supplementPausesTheClockAndRefusalNeedsAReason() {
    var chen = fixtures.resident("陈静", HEPING);
    var c = apply(chen, "hrss.unemployment-benefit", """
        {"applicantName":"陈静","endDate":"2026-10-31","endReason":"合同期满","bankAccount":"6222020200112233","contactPhone":"13800003333"}""");
    var officer = fixtures.staff(hepingHrss);
    var waiting = act(officer, c, CaseAction.SUPPLEMENT, "请补充解除劳动关系证明");
    assertThat(waiting.status()).isEqualTo(CaseStatus.SUPPLEMENT);
    assertThat(waiting.pausedSince()).isEqualTo(LocalDate.now(Casework.CHINA));
    assertThat(waiting.deadline(LocalDate.now(Casework.CHINA)).paused()).isTrue();
    var back = as(chen.user(), () -> casework.supplied(c.id(), "已补充"));
    assertThat(back.status()).isEqualTo(CaseStatus.PRE_REVIEW);
    assertThat(back.pausedSince()).isNull();
    assertThatThrownBy(() -> act(officer, c, CaseAction.REFUSE, null)).isInstanceOf(CaseRefusals.ReasonRequired.class);
    assertThat(act(officer, c, CaseAction.REFUSE, "不符合领取条件：缴费不满1年").status()).isEqualTo(CaseStatus.NOT_ACCEPTED);
  }

  @Test
  void multiLevelGoesThroughTheTownshipBeforeTheCounty() {
    var civil = fixtures.office("civil-affairs", HEPING);
    var township = fixtures.office("government-services", fixtures.township(HEPING));
    var grandma = fixtures.resident("赵桂兰", HEPING);
    var c = apply(grandma, "civil-affairs.high-age-allowance", """
        {"applicantName":"赵桂兰","birthDate":"1940-03-01","householdRegion":"%s","bankAccount":"6222020200112233","contactPhone":"13800004444"}"""
        .formatted(grandma.person().householdRegion().value()));
    assertThat(c.townshipOffice()).isEqualTo(township.id());
    var county = fixtures.staff(civil);
    var street = fixtures.staff(township);
    act(county, c, CaseAction.PASS, null);
    act(county, c, CaseAction.ACCEPT, null);
    assertThat(cases.find(c.id()).orElseThrow().waitingOn()).isEqualTo(township.id());
    assertThatThrownBy(() -> act(county, c, CaseAction.AGREE, null)).isInstanceOf(CaseRefusals.WrongStep.class);
    act(street, c, CaseAction.AGREE, "入户核实，符合条件");
    assertThat(cases.find(c.id()).orElseThrow().waitingOn()).isEqualTo(civil.id());
    act(county, c, CaseAction.AGREE, null);
    act(county, c, CaseAction.APPROVE, null);
    assertThat(act(county, c, CaseAction.DELIVER, null).status()).isEqualTo(CaseStatus.DELIVERED);
  }

  /** 多地联办 across two counties: a 沈河区 hall takes in a paper application, 和平区 decides, 沈河区 hands it over. */
  @Test
  void jointCaseIsReceivedInOneCountyAndDecidedInAnother() {
    var wu = fixtures.resident("吴磊", SHENHE);
    var hall = fixtures.staff(shenheHall, "CLERK");
    assertThatThrownBy(() -> as(hall, () -> applications.apply(new NewApplication("hrss.pension-transfer", wu.person().id(),
        Channel.WINDOW, RegionBasis.INSURED, RegionCode.of(HEPING), form("{}"), null, null))))
        .isInstanceOf(CaseRefusals.AuthorisationRequired.class);
    var c = as(hall, () -> applications.apply(new NewApplication("hrss.pension-transfer", wu.person().id(), Channel.WINDOW,
        RegionBasis.INSURED, RegionCode.of(HEPING),
        form("{\"applicantName\":\"吴磊\",\"destinationRegion\":\"210102000000\",\"contactPhone\":\"13800005555\"}"),
        "window-1", "本人到场，当面签署委托书")));
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, hall, c.id());
    assertThat(c.receivedBy()).isEqualTo(shenheHall.id());
    assertThat(c.competentOffice()).isEqualTo(hepingHrss.id());
    assertThat(c.authorisation()).isEqualTo("本人到场，当面签署委托书");
    var heping = fixtures.staff(hepingHrss);
    assertThatThrownBy(() -> act(heping, c, CaseAction.PASS, null)).isInstanceOf(CaseRefusals.WrongStep.class);
    act(hall, c, CaseAction.PASS, "原件已核验，转和平区人社局");
    assertThat(as(heping, () -> cases.queue(0, 50)).items()).extracting(CaseFile::id).contains(c.id());
    act(heping, c, CaseAction.ACCEPT, null);
    act(heping, c, CaseAction.AGREE, null);
    var decided = act(heping, c, CaseAction.APPROVE, null);
    assertThat(decided.waitingOn()).isEqualTo(shenheHall.id());
    assertThatThrownBy(() -> act(heping, c, CaseAction.DELIVER, null)).isInstanceOf(CaseRefusals.WrongStep.class);
    assertThat(act(hall, c, CaseAction.DELIVER, "窗口当面送达").status()).isEqualTo(CaseStatus.DELIVERED);
    // The hall's own clerk cannot open a case of a third county's office.
    var dadong = fixtures.staff(dadongHrss);
    assertThatThrownBy(() -> as(dadong, () -> cases.view(c.id()))).isInstanceOf(CaseNotFound.class);
  }

  @Test
  void countersignNeedsEverySeatFromDifferentPeopleAndAnySignNeedsOne() {
    var cityHrss = fixtures.office("hrss", "2101");
    var liu = fixtures.resident("刘强", HEPING);
    var c = apply(liu, "hrss.work-injury-recognition", """
        {"applicantName":"刘强","employer":"沈阳某机械厂","injuryDate":"2026-11-02","injuryDescription":"车间搬运时被货物砸伤左脚","contactPhone":"13800006666"}""");
    assertThat(c.competentOffice()).isEqualTo(cityHrss.id());
    var a = fixtures.staff(cityHrss);
    var b = fixtures.staff(cityHrss);
    for (String m : List.of("application-form", "labour-relation", "medical-diagnosis")) {
      as(liu.user(), () -> casework.attach(c.id(), m, "application/pdf", CaseworkFixtures.pdf(m)));
    }
    act(a, c, CaseAction.PASS, null);
    act(a, c, CaseAction.ACCEPT, null);
    assertThat(act(a, c, CaseAction.AGREE, null).status()).isEqualTo(CaseStatus.UNDER_REVIEW);
    assertThatThrownBy(() -> act(a, c, CaseAction.AGREE, null)).isInstanceOf(CaseRefusals.SeatTaken.class);
    assertThat(act(b, c, CaseAction.AGREE, null).status()).isEqualTo(CaseStatus.AWAITING_DECISION);

    var civil = fixtures.office("civil-affairs", HEPING);
    var old = fixtures.resident("孙秀英", HEPING);
    var bed = apply(old, "civil-affairs.care-bed",
        "{\"applicantName\":\"孙秀英\",\"selfCareAbility\":\"中度失能\",\"contactPhone\":\"13800007777\"}");
    as(old.user(), () -> casework.attach(bed.id(), "care-assessment", "image/jpeg", CaseworkFixtures.jpeg()));
    var officer = fixtures.staff(civil);
    act(officer, bed, CaseAction.PASS, null);
    act(officer, bed, CaseAction.ACCEPT, null);
    assertThat(act(officer, bed, CaseAction.AGREE, null).status()).isEqualTo(CaseStatus.AWAITING_DECISION);
  }

  @Test
  void preCheckRefusesToPassWithoutRequiredMaterialsAndUploadsAreCheckedByContent() {
    fixtures.office("hrss", "2101");
    var zhou = fixtures.resident("周涛", HEPING);
    var c = applyOnly(zhou, "hrss.work-injury-recognition", """
        {"applicantName":"周涛","employer":"沈阳某物流公司","injuryDate":"2026-11-03","injuryDescription":"送货途中发生交通事故受伤","contactPhone":"13800008888"}""");
    var officer = fixtures.staff(organisations.officeAt("hrss", RegionCode.of("2101")).orElseThrow());
    assertThatThrownBy(() -> act(officer, c, CaseAction.PASS, null)).isInstanceOfSatisfying(CaseRefusals.InvalidApplication.class,
        e -> assertThat(e.problems()).extracting(FieldProblem::field).contains("application-form", "medical-diagnosis"));
    assertThatThrownBy(() -> as(zhou.user(), () -> casework.attach(c.id(), "application-form", null, "MZ\u0090 not a pdf".getBytes())))
        .isInstanceOf(CaseRefusals.MaterialType.class);
    assertThatThrownBy(() -> as(zhou.user(), () -> casework.attach(c.id(), "identity", null, "%PDF-1.7".getBytes())))
        .isInstanceOf(CaseRefusals.UnknownMaterial.class);
  }

  @Test
  void uploadsSuppliedMaterialsAndWithdrawalsAreAudited() {
    fixtures.office("hrss", "2101");
    var lu = fixtures.resident("卢敏", HEPING);
    var c = apply(lu, "hrss.work-injury-recognition", """
        {"applicantName":"卢敏","employer":"沈阳某物流公司","injuryDate":"2026-11-03","injuryDescription":"在仓库搬运货物时不慎扭伤腰部","contactPhone":"13800008877"}""");
    var officer = fixtures.staff(organisations.officeAt("hrss", RegionCode.of("2101")).orElseThrow());
    as(lu.user(), () -> casework.attach(c.id(), "application-form", null, CaseworkFixtures.pdf("工伤认定申请表")));
    act(officer, c, CaseAction.SUPPLEMENT, "请补充医疗诊断证明");
    as(lu.user(), () -> casework.supplied(c.id(), "已补充"));
    as(lu.user(), () -> casework.withdraw(c.id(), "与单位协商解决"));
    audit.flush();
    var actions = audit.search(new org.tongban.audit.AuditQuery(null, "case.", "case", c.id().toString(), null, null),
        0, 50).items().stream().map(org.tongban.audit.AuditEntry::action).toList();
    assertThat(actions).contains("case.material-added", "case.supplied", "case.withdrawn");
  }

  @Test
  void forwardingHandsTheCaseToAnotherCompetentOffice() {
    var ma = fixtures.resident("马丽", HEPING);
    var c = apply(ma, "hrss.unemployment-benefit", """
        {"applicantName":"马丽","endDate":"2026-10-31","endReason":"合同期满","bankAccount":"6222020200112233","contactPhone":"13800009999"}""");
    var heping = fixtures.staff(hepingHrss);
    act(heping, c, CaseAction.PASS, null);
    var moved = as(heping, () -> casework.forward(c.id(), shenheHrss.id(), "参保关系在沈河区"));
    assertThat(moved.competentOffice()).isEqualTo(shenheHrss.id());
    assertThat(moved.waitingOn()).isEqualTo(shenheHrss.id());
    var shenhe = fixtures.staff(shenheHrss);
    assertThat(as(shenhe, () -> cases.queue(0, 50)).items()).extracting(CaseFile::id).contains(c.id());
    assertThat(as(heping, () -> cases.queue(0, 50)).items()).extracting(CaseFile::id).doesNotContain(c.id());
    assertThat(act(shenhe, c, CaseAction.ACCEPT, null).status()).isEqualTo(CaseStatus.UNDER_REVIEW);
  }

  @Test
  void applicantWithdrawsAndOthersCannotSeeTheCase() {
    var he = fixtures.resident("何平", HEPING);
    var other = fixtures.resident("邓超", HEPING);
    var c = apply(he, "hrss.unemployment-benefit", """
        {"applicantName":"何平","endDate":"2026-10-31","endReason":"合同期满","bankAccount":"6222020200112233","contactPhone":"13800001234"}""");
    assertThatThrownBy(() -> as(other.user(), () -> cases.view(c.id()))).isInstanceOf(CaseNotFound.class);
    assertThatThrownBy(() -> as(other.user(), () -> casework.withdraw(c.id(), "x"))).isInstanceOf(CaseNotFound.class);
    assertThatThrownBy(() -> as(other.user(), () -> applications.apply(new NewApplication("hrss.ss-card-loss",
        he.person().id(), Channel.WEB, RegionBasis.RESIDENCE, null, form("{}"), null, null))))
        .isInstanceOf(CaseRefusals.NotYourApplication.class);
    var supervisor = org.tongban.StaffFixtures.staff("supervisor-heping", java.util.Set.of(
        new org.tongban.access.Scope(RegionCode.of(HEPING), "hrss", org.tongban.access.Purpose.SEARCH),
        new org.tongban.access.Scope(RegionCode.of(HEPING), "hrss", org.tongban.access.Purpose.VIEW)), "ROLE_SUPERVISOR");
    assertThat(as(supervisor, () -> cases.view(c.id())).id()).isEqualTo(c.id());
    // Not accepted yet: no clock, so not on the supervisors' deadline list; accepted, it is.
    assertThat(as(supervisor, () -> cases.nearOrPastLimit(10, 0, 200)).items()).extracting(CaseFile::id)
        .doesNotContain(c.id());
    var officer = fixtures.staff(hepingHrss);
    act(officer, c, CaseAction.PASS, null);
    act(officer, c, CaseAction.ACCEPT, null);
    assertThat(as(supervisor, () -> cases.nearOrPastLimit(10, 0, 200)).items()).extracting(CaseFile::id).contains(c.id());
    assertThat(as(he.user(), () -> casework.withdraw(c.id(), "已找到工作")).status()).isEqualTo(CaseStatus.WITHDRAWN);
    assertThat(as(supervisor, () -> cases.nearOrPastLimit(10, 0, 200)).items()).extracting(CaseFile::id).doesNotContain(c.id());
  }

  @Test
  void aCaseKeepsTheItemVersionItWasFiledUnder() {
    var tang = fixtures.resident("唐宁", HEPING);
    var c = apply(tang, "hrss.unemployment-benefit", """
        {"applicantName":"唐宁","endDate":"2026-10-31","endReason":"合同期满","bankAccount":"6222020200112233","contactPhone":"13800002468"}""");
    var filed = catalogue.version(c.item(), c.itemVersion());
    var s = filed.spec();
    var changed = new org.tongban.catalogue.ItemSpec(s.code(), s.name(), s.nameEn(), s.basicCode(), s.implementationCode(),
        s.type(), s.level(), s.department(), s.basis(), s.conditions() + "（修订）", s.statutoryLimit(), s.promisedLimit(),
        s.caseKind(), s.audience(), s.channels(), s.trips(), s.tripReason(), s.fee(), s.feeBasis(), s.steps(), s.place(),
        s.hours(), s.consultation(), s.complaint(), s.depth(), s.reach(), s.materials(), s.result(), s.workflow(),
        s.synonyms(), s.offeredIn(), s.form(), s.forRelatives());
    try {
      var next = catalogue.publishAsPlatform(changed);
      assertThat(next.version()).isGreaterThan(c.itemVersion());
      assertThat(as(tang.user(), () -> cases.view(c.id())).itemVersion()).isEqualTo(filed.version());
    } finally {
      catalogue.publishAsPlatform(s);
    }
  }

  @Test
  void theCompetentOfficeReturnsAnApplicationAndPausesTheClockForASpecialProcedure() {
    var yu = fixtures.resident("于洋", SHENHE);
    var hall = fixtures.staff(shenheHall);
    var c = as(hall, () -> applications.apply(new NewApplication("hrss.unemployment-benefit", yu.person().id(), Channel.WINDOW,
        RegionBasis.INSURED, RegionCode.of(HEPING), form("""
            {"applicantName":"于洋","endDate":"2026-10-31","endReason":"合同期满","bankAccount":"6222020200112233","contactPhone":"13800001357"}"""),
        null, "本人到场签字")));
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, hall, c.id());
    act(hall, c, CaseAction.PASS, null);
    var heping = fixtures.staff(hepingHrss);
    var back = act(heping, c, CaseAction.RETURN, "缺少解除劳动关系证明原件核验记录");
    assertThat(back.status()).isEqualTo(CaseStatus.PRE_REVIEW);
    assertThat(back.waitingOn()).isEqualTo(shenheHall.id());
    act(hall, c, CaseAction.PASS, "已补核验");
    var accepted = act(heping, c, CaseAction.ACCEPT, null);
    var paused = as(heping, () -> casework.suspendClock(c.id(), "委托劳动能力鉴定"));
    assertThat(paused.pausedSince()).isEqualTo(LocalDate.now(Casework.CHINA));
    assertThat(paused.deadline(LocalDate.now(Casework.CHINA)).paused()).isTrue();
    assertThatThrownBy(() -> as(hall, () -> casework.suspendClock(c.id(), "x"))).isInstanceOf(CaseNotFound.class);
    var resumed = as(heping, () -> casework.resumeClock(c.id()));
    assertThat(resumed.pausedSince()).isNull();
    assertThat(resumed.dueDate()).isEqualTo(accepted.dueDate()); // resumed the same day: no working day was lost
    assertThat(as(yu.user(), () -> cases.timeline(c.id()))).extracting(CaseQueries.TimelineEntry::action)
        .contains("RETURN", "CLOCK_SUSPENDED", "CLOCK_RESUMED");
  }

  @Test
  void aRepeatedSubmitFilesOneCase() {
    var gao = fixtures.resident("高翔", HEPING);
    var app = new NewApplication("hrss.ss-card-loss", gao.person().id(), Channel.MOBILE, RegionBasis.RESIDENCE, null,
        form("{\"applicantName\":\"高翔\",\"lossDate\":\"2026-11-20\",\"contactPhone\":\"13800004321\"}"), "tap-7f3a", null);
    fixtures.office("hrss", "2101");
    var first = as(gao.user(), () -> applications.apply(app));
    var second = as(gao.user(), () -> applications.apply(app));
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(jdbc.sql("select count(*) from casework.case_file where applicant = ?").param(gao.person().id().value())
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void lifeEventFilesOneCasePerItemFromOneForm() {
    var lin = fixtures.resident("林峰", HEPING);
    var cases = as(lin.user(), () -> applications.applyForLifeEvent("unemployment", new NewApplication("unemployment",
        lin.person().id(), Channel.WEB, RegionBasis.RESIDENCE, null, form("""
            {"applicantName":"林峰","endDate":"2026-10-31","endReason":"合同期满","contactPhone":"13800005678",
             "bankAccount":"6222020200112233","courseName":"电工（中级）"}"""), "life-1", null)));
    assertThat(cases).hasSize(3).extracting(CaseFile::item)
        .containsExactlyInAnyOrder("hrss.unemployment-registration", "hrss.unemployment-benefit", "hrss.training-subsidy");
    assertThat(cases).extracting(CaseFile::bundle).containsOnly(cases.getFirst().bundle());
    assertThat(cases.stream().filter(c -> c.item().equals("hrss.training-subsidy")).findFirst().orElseThrow().form()
        .has("endReason")).isFalse();
  }

  @Test
  void aBadRatingOpensTheFollowUpLoop() {
    var song = fixtures.resident("宋佳", HEPING);
    var city = fixtures.staff(fixtures.office("hrss", "2101"));
    var c = apply(song, "hrss.ss-card-loss", "{\"applicantName\":\"宋佳\",\"lossDate\":\"2026-11-19\",\"contactPhone\":\"13800001122\"}");
    assertThatThrownBy(() -> as(song.user(), () -> ratings.rate(c.id(), new Ratings.Scores(5, 5, 5, 5, 5, null))))
        .isInstanceOf(Ratings.NotFinished.class);
    act(city, c, CaseAction.PASS, null);
    act(city, c, CaseAction.APPROVE, null);
    var rating = as(song.user(), () -> ratings.rate(c.id(), new Ratings.Scores(2, 3, 1, 2, 1, "等了很久才受理")));
    assertThat(rating.followUp()).isEqualTo("回访核实");
    assertThatThrownBy(() -> as(song.user(), () -> ratings.rate(c.id(), new Ratings.Scores(5, 5, 5, 5, 5, null))))
        .isInstanceOf(Ratings.AlreadyRated.class);
    assertThat(as(city, () -> ratings.followUp(c.id(), "限期整改", "电话回访属实，窗口增设挂失自助终端")).followUp()).isEqualTo("限期整改");
    assertThatThrownBy(() -> as(city, () -> ratings.followUp(c.id(), "申诉复核", "x"))).isInstanceOf(Ratings.WrongFollowUp.class);
    assertThat(as(city, () -> ratings.followUp(c.id(), "已办结", "整改完成")).followUp()).isEqualTo("已办结");
    var supervisor = org.tongban.StaffFixtures.staff("supervisor-city", java.util.Set.of(
        new org.tongban.access.Scope(RegionCode.of("2101"), "hrss", org.tongban.access.Purpose.SEARCH)), "ROLE_SUPERVISOR");
    var byItem = as(supervisor, () -> ratings.summary(true, 0, 50)).items();
    assertThat(byItem).anySatisfy(r -> {
      assertThat(r.key()).isEqualTo("hrss.ss-card-loss");
      assertThat(r.count()).isPositive();
      assertThat(r.bad()).isPositive();
    });
  }
}
