package org.tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;
import static org.tongban.casework.CaseworkFixtures.HEPING;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OfficeKind;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.RegionCode;
import org.tongban.shared.ResultPage;
import tools.jackson.databind.json.JsonMapper;

/**
 * An office with a backlog: its queue's total is counted up to a thousand (or one beyond the page asked for), so each
 * page costs the same however long the queue grows; pages past the thousand still know whether a next one exists.
 */
@SpringBootTest
@Tag("persistence")
class LongQueueTests {

  @Autowired Applications applications;
  @Autowired CaseQueries cases;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  private UUID office;

  @AfterEach
  void removeTheCopies() {
    if (office != null) jdbc.sql("delete from casework.case_file where waiting_on = ? and generated").param(office).update();
  }

  @Test
  void aBacklogOfMoreThanAThousandIsCountedUpToTheThousand() {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    var backlog = new Office(OfficeId.random(), "hrss", RegionCode.of(HEPING), OfficeKind.OFFICE,
        "测试积压科室" + System.nanoTime(), null, null, false, 0);
    organisations.insert(backlog);
    office = backlog.id().value();
    var a = fixtures.resident("积压", HEPING);
    var filed = as(a.user(), () -> applications.apply(new NewApplication("hrss.unemployment-benefit", a.person().id(),
        Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"积压","endDate":"2026-10-31","endReason":"合同期满","bankAccount":"6222020200112233",
             "contactPhone":"13800001234"}"""), null, null)));
    // 1,051 generated copies of the filed case, all waiting on the backlogged office.
    jdbc.sql("""
        insert into casework.case_file (id, number, item_code, item_version, item_name, department, workflow, applicant,
          applicant_name, channel, received_by, received_region, competent_office, competent_region, status, waiting_on,
          waiting_step, form, filed_by, limit_days, limit_unit, due_date, generated)
        select gen_random_uuid(), number || '-Q' || g, item_code, item_version, item_name, department, workflow, applicant,
          applicant_name, channel, received_by, received_region, competent_office, competent_region, status, ?,
          waiting_step, form, filed_by, limit_days, limit_unit, due_date, true
        from casework.case_file, generate_series(1, 1051) g where id = ?""").params(office, filed.id().value()).update();
    var clerk = fixtures.staff(backlog);
    // The filed case itself may wait on the new office too (the first hrss office of 和平区 in an empty database).
    long waiting = jdbc.sql("select count(*) from casework.case_file where waiting_on = ?").param(office)
        .query(Long.class).single();
    assertThat(waiting).isBetween(1051L, 1052L);

    var first = as(clerk, () -> cases.queue(0, 30));
    assertThat(first.items()).hasSize(30);
    assertThat(first.total()).isEqualTo(ResultPage.COUNT_LIMIT);
    assertThat(first.totalExact()).isFalse();
    assertThat(first.hasNext()).isTrue();
    // Page 35 of 30 (items 1,021–1,050): counted up to 1,051, so a next page is known to exist.
    var beyond = as(clerk, () -> cases.queue(34, 30));
    assertThat(beyond.items()).hasSize(30);
    assertThat(beyond.totalExact()).isFalse();
    assertThat(beyond.hasNext()).isTrue();
    // The last page: the count reaches the end of the queue and is exact again.
    var last = as(clerk, () -> cases.queue(35, 30));
    assertThat(last.items()).hasSize((int) waiting - 35 * 30);
    assertThat(last.total()).isEqualTo(waiting);
    assertThat(last.totalExact()).isTrue();
    assertThat(last.hasNext()).isFalse();
  }
}
