package org.tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.casework.CaseworkFixtures.HEPING;
import static org.tongban.casework.CaseworkFixtures.SHENHE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.casework.CaseworkFixtures.Applicant;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OfficeKind;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.RegionCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules the 2026-12 review found broken: who may say how an application arrived and where it is filed, 转办 that
 * stays within reach and moves queues, actions only for the office a step waits on, uploads that are what they claim,
 * and the races (a withdrawal against an approval, two identical submits at once, files of a rolled-back change).
 */
@SpringBootTest
@Tag("persistence")
class CaseworkRulesTests {

  @Autowired Casework casework;
  @Autowired org.tongban.casework.Applications applications;
  @Autowired CaseQueries cases;
  @Autowired ServiceCatalogue catalogue;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Value("${tongban.data-dir}") Path dataDir;

  CaseworkFixtures fixtures;
  Office hepingHrss;
  Office shenheHrss;
  Office shenheHall;

  @BeforeEach
  void offices() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    hepingHrss = fixtures.office("hrss", HEPING);
    shenheHrss = fixtures.office("hrss", SHENHE);
    shenheHall = fixtures.office("government-services", SHENHE);
    fixtures.office("hrss", "2101");
  }

  private static final String BENEFIT = """
      {"applicantName":"%s","endDate":"2026-10-31","endReason":"合同期满","bankAccount":"6222020200112233","contactPhone":"13800001234"}""";

  private NewApplication benefit(Applicant a, Channel channel, RegionBasis basis, RegionCode region, String key) {
    return new NewApplication("hrss.unemployment-benefit", a.person().id(), channel, basis, region,
        json.readTree(BENEFIT.formatted(a.person().name())), key, null);
  }

  private CaseFile applied(Applicant a) {
    var c = as(a.user(), () -> applications.apply(benefit(a, Channel.WEB, RegionBasis.RESIDENCE, null, null)));
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, a.user(), c.id());
    return c;
  }

  @Test
  void anOnlineApplicantCannotClaimTheWindowNorFileInAnotherProvince() {
    var he = fixtures.resident("贺明", HEPING);
    assertThatThrownBy(() -> as(he.user(), () -> applications.apply(benefit(he, Channel.WINDOW, RegionBasis.RESIDENCE, null,
        null)))).isInstanceOf(CaseRefusals.ChannelNotAllowed.class);
    // 失业保险金 is 全省通办: a region of Sichuan is outside its reach for a resident of Liaoning; a region that does
    // not exist is refused the same way.
    assertThatThrownBy(() -> as(he.user(), () -> applications.apply(benefit(he, Channel.WEB, RegionBasis.CHOSEN,
        RegionCode.of("510502"), null)))).isInstanceOf(CaseRefusals.RegionNotAllowed.class);
    assertThatThrownBy(() -> as(he.user(), () -> applications.apply(benefit(he, Channel.WEB, RegionBasis.CHOSEN,
        RegionCode.of("219999"), null)))).isInstanceOf(CaseRefusals.RegionNotAllowed.class);
    var mobile = as(he.user(), () -> applications.apply(benefit(he, Channel.MOBILE, RegionBasis.CHOSEN,
        RegionCode.of(SHENHE), null)));
    assertThat(mobile.channel()).isEqualTo(Channel.MOBILE);
    assertThat(mobile.competentOffice()).isEqualTo(shenheHrss.id());
  }

  @Test
  void theChannelOfStaffFilingIsTheirOffices() {
    var wu = fixtures.resident("武强", HEPING);
    var hall = fixtures.staff(shenheHall);
    var c = as(hall, () -> applications.apply(new NewApplication("hrss.unemployment-benefit", wu.person().id(), Channel.WEB,
        RegionBasis.RESIDENCE, null, json.readTree(BENEFIT.formatted("武强")), null, "本人到场")));
    assertThat(c.channel()).isEqualTo(Channel.WINDOW);
    var village = fixtures.village(HEPING);
    var station = organisations.officeAt("government-services", RegionCode.of(village)).orElseGet(() -> {
      var o = new Office(OfficeId.random(), "government-services", RegionCode.of(village), OfficeKind.VILLAGE_STATION,
          "测试便民服务站" + village, null, null, false, 0);
      organisations.insert(o);
      return o;
    });
    var agent = as(fixtures.staff(station), () -> applications.apply(new NewApplication("hrss.unemployment-benefit",
        wu.person().id(), Channel.WINDOW, RegionBasis.RESIDENCE, null, json.readTree(BENEFIT.formatted("武强")), null,
        "村代办员上门，本人签字")));
    assertThat(agent.channel()).isEqualTo(Channel.VILLAGE_AGENT);
  }

  @Test
  void forwardingStaysInTheCityMovesTheQueueAndOnlyTheWaitingOfficeActs() {
    var qian = fixtures.resident("钱多", HEPING);
    var hall = fixtures.staff(shenheHall);
    var c = as(hall, () -> applications.apply(new NewApplication("hrss.unemployment-benefit", qian.person().id(),
        Channel.WINDOW, RegionBasis.INSURED, RegionCode.of(SHENHE), json.readTree(BENEFIT.formatted("钱多")), null,
        "本人到场")));
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, hall, c.id());
    // The receiving hall pre-checks; the competent office sees the case but has no buttons yet.
    var shenhe = fixtures.staff(shenheHrss);
    assertThat(as(shenhe, () -> cases.actions(cases.view(c.id())))).isEmpty();
    assertThat(as(hall, () -> cases.actions(cases.view(c.id())))).containsExactly(CaseAction.PASS,
        CaseAction.SUPPLEMENT, CaseAction.REFUSE);
    // 转办 to an office of another province, or of another department, is refused.
    var luzhou = fixtures.office("hrss", "510502");
    assertThatThrownBy(() -> as(hall, () -> casework.forward(c.id(), luzhou.id(), "参保地在泸州")))
        .isInstanceOf(CaseRefusals.ForwardOutOfReach.class);
    var luzhouHall = fixtures.office("government-services", "510502");
    assertThatThrownBy(() -> as(hall, () -> casework.forward(c.id(), luzhouHall.id(), "参保地在泸州")))
        .isInstanceOf(CaseRefusals.WrongDepartment.class);
    // To 和平区人社局: the case leaves the hall's 待办 and arrives in 和平区's, which now has the step and its buttons.
    var moved = as(hall, () -> casework.forward(c.id(), hepingHrss.id(), "参保关系在和平区"));
    assertThat(moved.waitingOn()).isEqualTo(hepingHrss.id());
    assertThat(moved.competentOffice()).isEqualTo(hepingHrss.id());
    assertThat(as(hall, () -> cases.queue(0, 100)).items()).extracting(CaseFile::id).doesNotContain(c.id());
    var heping = fixtures.staff(hepingHrss);
    assertThat(as(heping, () -> cases.queue(0, 100)).items()).extracting(CaseFile::id).contains(c.id());
    assertThat(as(heping, () -> cases.actions(cases.view(c.id())))).contains(CaseAction.PASS);
    assertThat(as(heping, () -> casework.act(c.id(), CaseAction.PASS, null)).status())
        .isEqualTo(CaseStatus.AWAITING_ACCEPTANCE);
    assertThatThrownBy(() -> as(hall, () -> casework.act(c.id(), CaseAction.ACCEPT, null)))
        .isInstanceOf(CaseRefusals.WrongStep.class);
  }

  @Test
  void forwardingByApiToAnotherProvincesOfficeOfTheSameDepartmentIsRefused() {
    var sun = fixtures.resident("孙立", HEPING);
    var c = applied(sun);
    var luzhou = fixtures.office("hrss", "510502");
    assertThatThrownBy(() -> as(fixtures.staff(hepingHrss), () -> casework.forward(c.id(), luzhou.id(), "误投")))
        .isInstanceOf(CaseRefusals.ForwardOutOfReach.class);
    var moved = as(fixtures.staff(hepingHrss), () -> casework.forward(c.id(), shenheHrss.id(), "参保关系在沈河区"));
    assertThat(moved.competentOffice()).isEqualTo(shenheHrss.id());
  }

  @Test
  void aSupervisorSeesTheDeadlinesOfTheirOwnDepartmentOnly() {
    var lu = fixtures.resident("卢监", HEPING);
    var c = applied(lu);
    var officer = fixtures.staff(hepingHrss);
    as(officer, () -> casework.act(c.id(), CaseAction.PASS, null));
    as(officer, () -> casework.act(c.id(), CaseAction.ACCEPT, null));
    var hrss = supervisor("hrss");
    var civil = supervisor("civil-affairs");
    assertThat(as(hrss, () -> cases.nearOrPastLimit(30, 0, 200)).items()).extracting(CaseFile::id).contains(c.id());
    assertThat(as(civil, () -> cases.nearOrPastLimit(30, 0, 200)).items()).extracting(CaseFile::id)
        .doesNotContain(c.id());
    assertThatThrownBy(() -> as(civil, () -> cases.view(c.id()))).isInstanceOf(CaseRefusals.CaseNotFound.class);
  }

  private static org.tongban.identity.internal.StaffUser supervisor(String department) {
    return org.tongban.StaffFixtures.staff("supervisor-" + department, java.util.Set.of(
        new org.tongban.access.Scope(RegionCode.of(HEPING), department, org.tongban.access.Purpose.SEARCH),
        new org.tongban.access.Scope(RegionCode.of(HEPING), department, org.tongban.access.Purpose.VIEW)),
        "ROLE_SUPERVISOR");
  }

  @Test
  void uploadsMustBeWhatTheyClaimAndAnEmptyOneIsEmpty() {
    var zhou = fixtures.resident("周敏", HEPING);
    var c = as(zhou.user(), () -> applications.apply(benefit(zhou, Channel.WEB, RegionBasis.RESIDENCE, null, null)));
    byte[] html = "%PDF-1.7\n<html><script>alert(1)</script></html>".getBytes();
    assertThatThrownBy(() -> as(zhou.user(), () -> casework.attach(c.id(), "termination-proof", "application/pdf", html)))
        .isInstanceOf(CaseRefusals.MaterialType.class);
    assertThatThrownBy(() -> as(zhou.user(), () -> casework.attach(c.id(), "termination-proof", "image/png",
        CaseworkFixtures.jpeg()))).isInstanceOf(CaseRefusals.MaterialType.class);
    assertThatThrownBy(() -> as(zhou.user(), () -> casework.attach(c.id(), "termination-proof", "application/pdf",
        new byte[0]))).isInstanceOf(CaseRefusals.MaterialEmpty.class);
    var ok = as(zhou.user(), () -> casework.attach(c.id(), "termination-proof", "image/jpeg", CaseworkFixtures.jpeg()));
    assertThat(ok.contentType()).isEqualTo("image/jpeg");
    var stored = as(zhou.user(), () -> cases.material(c.id(), ok.id()));
    assertThat(stored.bytes()).isEqualTo(CaseworkFixtures.jpeg());
  }

  @Test
  void aWithdrawalRacingAnApprovalNeverLeavesADecidedCaseWithdrawn() throws Exception {
    for (int round = 0; round < 5; round++) {
      var a = fixtures.resident("竞" + round, HEPING);
      var c = applied(a);
      var officer = fixtures.staff(hepingHrss, "OFFICER");
      as(officer, () -> casework.act(c.id(), CaseAction.PASS, null));
      as(officer, () -> casework.act(c.id(), CaseAction.ACCEPT, null));
      as(officer, () -> casework.act(c.id(), CaseAction.AGREE, null));
      var outcomes = race(
          () -> as(officer, () -> casework.act(c.id(), CaseAction.APPROVE, null, CaseworkFixtures.TERMS)).status().name(),
          () -> as(a.user(), () -> casework.withdraw(c.id(), "不办了")).status().name());
      var after = cases.find(c.id()).orElseThrow();
      assertThat(outcomes).containsOnlyOnce("refused");
      if (after.status() == CaseStatus.WITHDRAWN) {
        assertThat(after.decision()).isNull();
        assertThat(jdbc.sql("select count(*) from casework.certificate where case_id = ?").param(c.id().value())
            .query(Long.class).single()).isZero();
      } else {
        assertThat(after.decision()).isEqualTo("APPROVED");
      }
    }
  }

  @Test
  void twoIdenticalSubmitsAtOnceFileOneCaseAndBothGetIt() throws Exception {
    var gao = fixtures.resident("高远", HEPING);
    String key = "race-" + System.nanoTime();
    var outcomes = race(
        () -> as(gao.user(), () -> applications.apply(benefit(gao, Channel.WEB, RegionBasis.RESIDENCE, null, key))).id()
            .toString(),
        () -> as(gao.user(), () -> applications.apply(benefit(gao, Channel.WEB, RegionBasis.RESIDENCE, null, key))).id()
            .toString());
    assertThat(outcomes).doesNotContain("refused").hasSize(2);
    assertThat(outcomes.get(0)).isEqualTo(outcomes.get(1));
    assertThat(jdbc.sql("select count(*) from casework.case_file where applicant = ?").param(gao.person().id().value())
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void twoIdenticalLifeEventSubmitsAtOnceFileOneBundle() throws Exception {
    var lin = fixtures.resident("林远", HEPING);
    String key = "life-race-" + System.nanoTime();
    Callable<String> submit = () -> as(lin.user(), () -> applications.applyForLifeEvent("unemployment", new NewApplication(
        "unemployment", lin.person().id(), Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"林远","endDate":"2026-10-31","endReason":"合同期满","contactPhone":"13800005678",
             "bankAccount":"6222020200112233","courseName":"电工（中级）"}"""), key, null))).getFirst().bundle()
        .toString();
    var outcomes = race(submit, submit);
    assertThat(outcomes).doesNotContain("refused");
    assertThat(outcomes.get(0)).isEqualTo(outcomes.get(1));
    assertThat(jdbc.sql("select count(*) from casework.case_file where applicant = ?").param(lin.person().id().value())
        .query(Long.class).single()).isEqualTo(3);
  }

  @Test
  void aFileWrittenInAChangeThatRollsBackIsRemoved() throws Exception {
    // A decision issues its certificate (a PDF on disk), then a later step of the same change fails: nothing of the
    // decision may remain, its file included (a placement that found the facility full did this).
    var ma = fixtures.resident("马力", HEPING);
    var c = applied(ma);
    var officer = fixtures.staff(hepingHrss, "OFFICER");
    as(officer, () -> casework.act(c.id(), CaseAction.PASS, null));
    as(officer, () -> casework.act(c.id(), CaseAction.ACCEPT, null));
    as(officer, () -> casework.act(c.id(), CaseAction.AGREE, null));
    long before = files();
    var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
      as(officer, () -> casework.act(c.id(), CaseAction.APPROVE, null, CaseworkFixtures.TERMS));
      throw new IllegalStateException("a later step of the same change failed");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(cases.find(c.id()).orElseThrow().decision()).isNull();
    assertThat(files()).isEqualTo(before);
  }

  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  private long files() throws Exception {
    var root = dataDir.resolve("materials");
    if (!Files.exists(root)) return 0;
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).count();
    }
  }

  /** Runs both at the same moment; a refusal (any expected one) is "refused". */
  @SafeVarargs
  private static List<String> race(Callable<String>... work) throws Exception {
    var start = new CountDownLatch(1);
    try (var pool = Executors.newFixedThreadPool(work.length)) {
      var futures = new ArrayList<java.util.concurrent.Future<String>>();
      for (var w : work) {
        futures.add(pool.submit(() -> {
          start.await();
          try {
            return w.call();
          } catch (org.tongban.shared.Refusal e) {
            return "refused";
          }
        }));
      }
      start.countDown();
      var outcomes = new ArrayList<String>();
      for (var f : futures) outcomes.add(f.get());
      return outcomes;
    }
  }
}
