package org.tongban.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;
import static org.tongban.casework.CaseworkFixtures.HEPING;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseAction;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseQueries;
import org.tongban.casework.CaseStatus;
import org.tongban.casework.Casework;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import tools.jackson.databind.json.JsonMapper;

/**
 * Filing queues the case's process (issue #18.3): the status shows at once, and the process starts exactly once —
 * whether the starter takes it (on one node or two at the same moment) or an officer acts on the case first.
 */
@SpringBootTest
@Tag("persistence")
class ProcessStartsTests {

  @Autowired Applications applications;
  @Autowired Casework casework;
  @Autowired CaseQueries cases;
  @Autowired ProcessStarter starter;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  @Test
  void everyFiledCaseShowsItsFirstStepAtOnceAndGetsExactlyOneProcessWhoeverStartsIt() throws Exception {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    var office = fixtures.office("hrss", HEPING);
    var officer = fixtures.staff(office, "OFFICER");
    var applicant = fixtures.resident("周启明", HEPING);
    var filed = new ArrayList<CaseFile>();
    for (int i = 0; i < 40; i++) {
      var c = as(applicant.user(), () -> applications.apply(new NewApplication("hrss.unemployment-benefit",
          applicant.person().id(), Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree("""
              {"applicantName":"周启明","endDate":"2026-10-31","endReason":"合同期满","bankAccount":"6222020200112233","contactPhone":"13800007777"}"""),
          null, null)));
      // What the resident and the office see is the row's, written in the filing's own transaction.
      assertThat(c.status()).isEqualTo(CaseStatus.PRE_REVIEW);
      assertThat(c.waitingOn()).isEqualTo(office.id());
      assertThat(c.waitingStep()).isEqualTo("preReview");
      filed.add(c);
    }
    assertThat(as(officer, () -> cases.view(filed.getFirst().id())).status()).isEqualTo(CaseStatus.PRE_REVIEW);

    // Two starters (called directly, past the ShedLock the scheduled one takes) and an officer asking for more papers
    // on every case, all at the same moment; the scheduled starter runs beside them.
    try (var pool = Executors.newFixedThreadPool(4)) {
      var work = new ArrayList<Future<?>>();
      for (int n = 0; n < 2; n++) {
        work.add(pool.submit((Callable<Integer>) () -> {
          int taken = 0;
          for (int round = 0; round < 20; round++) taken += starter.startBatch();
          return taken;
        }));
      }
      for (var half : List.of(filed.subList(0, 20), filed.subList(20, 40))) {
        work.add(pool.submit(() -> half.forEach(c -> as(officer,
            () -> casework.act(c.id(), CaseAction.SUPPLEMENT, "请补充解除劳动关系证明", CaseworkFixtures.TERMS)))));
      }
      for (var f : work) f.get();
    }

    for (var c : filed) {
      assertThat(jdbc.sql("select count(*) from public.act_ru_execution where business_key_ = ? and parent_id_ is null")
          .param(c.id().toString()).query(Long.class).single()).as("processes of %s", c.number()).isEqualTo(1);
      assertThat(jdbc.sql("select count(*) from casework.process_start where case_id = ?").param(c.id().value())
          .query(Long.class).single()).isZero();
      var now = as(officer, () -> cases.view(c.id()));
      assertThat(now.status()).isEqualTo(CaseStatus.SUPPLEMENT);
      // The process really moved: the applicant's supplement step is open.
      assertThat(as(applicant.user(), () -> casework.supplied(c.id(), "已补充")).status())
          .isEqualTo(CaseStatus.PRE_REVIEW);
    }
  }

  @Test
  void aCaseWithdrawnBeforeItsProcessStartedLeavesNothingRunning() {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", HEPING);
    var applicant = fixtures.resident("钱晓燕", HEPING);
    var c = as(applicant.user(), () -> applications.apply(new NewApplication("hrss.unemployment-benefit",
        applicant.person().id(), Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"钱晓燕","endDate":"2026-10-31","endReason":"合同期满","bankAccount":"6222020200112233","contactPhone":"13800008888"}"""),
        null, null)));
    var withdrawn = as(applicant.user(), () -> casework.withdraw(c.id(), "不再需要"));
    assertThat(withdrawn.status()).isEqualTo(CaseStatus.WITHDRAWN);
    starter.startBatch();
    assertThat(jdbc.sql("select count(*) from public.act_ru_execution where business_key_ = ?")
        .param(c.id().toString()).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from casework.process_start where case_id = ?").param(c.id().value())
        .query(Long.class).single()).isZero();
  }
}
