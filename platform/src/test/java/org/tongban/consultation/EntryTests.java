package org.tongban.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.Eventually;
import org.tongban.StaffFixtures;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.consultation.internal.Retrieval;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;

/**
 * The knowledge base's upkeep (#15.1): a curated answer is written by one officer and published by another of the same
 * department — never by its writer, never by another department — and then answers; a new version supersedes it; one
 * whose dates have passed is never shown. An administrator imports a further law text, whose articles then answer;
 * nobody else may, and a name that looks like a path is refused.
 */
@SpringBootTest
@Tag("persistence")
class EntryTests {

  @Autowired Entries entries;
  @Autowired ImportedTexts texts;
  @Autowired Retrieval retrieval;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired JdbcClient jdbc;

  CaseworkFixtures fixtures;

  @BeforeEach
  void offices() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
  }

  private boolean answers(String question, String passageId) {
    return retrieval.search(question, 10).stream().anyMatch(h -> h.passage().id().equals(passageId));
  }

  @Test
  void aCuratedAnswerIsPublishedByASecondOfficerAndShownOnlyInItsDates() {
    var hrss = fixtures.office("hrss", "210106");
    var writer = StaffFixtures.at(hrss);
    var reviewer = StaffFixtures.at(hrss);
    var civil = StaffFixtures.at(fixtures.office("civil-affairs", "210106"));
    var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String code = "flex-subsidy-" + System.nanoTime() % 100_000;
    var draft = as(writer, () -> entries.write(code, "灵活就业社保补贴每季度几号打到卡上",
        "灵活就业人员社会保险补贴按季度申领，经审核后于次季度首月发放到本人社会保障卡金融账户。", "《中华人民共和国就业促进法》第五十二条",
        today.minusDays(1), null));
    assertThat(draft.status()).isEqualTo(Entries.Status.REVIEW);
    assertThat(draft.department()).isEqualTo("hrss");
    assertThatThrownBy(() -> as(writer, () -> entries.review(draft.id(), true, null))).isInstanceOf(Entries.OwnReview.class);
    assertThatThrownBy(() -> as(civil, () -> entries.review(draft.id(), true, null)))
        .isInstanceOf(Entries.EntryNotFound.class);
    assertThatThrownBy(() -> as(writer, () -> entries.write(code, "短", "短", "", null, null)))
        .isInstanceOf(Entries.InvalidEntry.class);
    var published = as(reviewer, () -> entries.review(draft.id(), true, null));
    assertThat(published.status()).isEqualTo(Entries.Status.PUBLISHED);
    Eventually.until("the entry answers", Duration.ofMinutes(3), () -> answers("灵活就业社保补贴每季度几号打到卡上", "qa:" + code));
    // A second version supersedes the first.
    var second = as(writer, () -> entries.write(code, "灵活就业社保补贴每季度几号打到卡上",
        "灵活就业人员社会保险补贴按季度申领，审核通过后 15 个工作日内发放到本人社会保障卡金融账户。", "《中华人民共和国就业促进法》第五十二条",
        today, null));
    assertThat(second.version()).isEqualTo(2);
    as(reviewer, () -> entries.review(second.id(), true, null));
    assertThat(jdbc.sql("select status from consultation.entry where id = ?").param(draft.id()).query(String.class)
        .single()).isEqualTo("SUPERSEDED");
    // One whose dates are over is never shown, published or not.
    String old = "expired-" + System.nanoTime() % 100_000;
    var expired = as(writer, () -> entries.write(old, "二零二零年高温补贴发放标准是多少钱一天",
        "二零二零年夏季高温补贴按每人每天十元发放，已于当年九月底停止执行。", "辽宁省测试通知（已失效）", today.minusYears(6),
        today.minusYears(5)));
    as(reviewer, () -> entries.review(expired.id(), true, null));
    Eventually.until("the second version answers", Duration.ofMinutes(3),
        () -> retrieval.search("灵活就业社保补贴每季度几号打到卡上", 10).stream()
            .anyMatch(h -> h.passage().text().contains("15 个工作日")));
    assertThat(answers("二零二零年高温补贴发放标准是多少钱一天", "qa:" + old)).isFalse();
    // Sent back with a note, it is not published.
    var rejected = as(writer, () -> entries.write(null, "退休人员能不能再交失业保险", "退休人员不再缴纳失业保险费。",
        "《失业保险条例》第二条", today, null));
    assertThatThrownBy(() -> as(reviewer, () -> entries.review(rejected.id(), false, null)))
        .isInstanceOf(Entries.InvalidEntry.class);
    assertThat(as(reviewer, () -> entries.review(rejected.id(), false, "请补充依据条款的原文")).status())
        .isEqualTo(Entries.Status.REJECTED);
  }

  @Test
  void anAdministratorImportsAFurtherTextWhoseArticlesThenAnswer() {
    var admin = StaffFixtures.staff("consultation-admin", Set.of(), "ROLE_ADMIN");
    String name = "沈阳市测试养犬条例(2025-01-01).txt";
    String text = """
        # 沈阳市测试养犬条例

        第一条 为了规范养犬行为，制定本条例。（测试用文本，非真实法规）

        第二条 养犬人应当在犬只满三个月龄后三十日内为其办理犬只登记，领取犬牌。
        """;
    assertThatThrownBy(() -> as(StaffFixtures.officerOf("21", "hrss"), () -> texts.importText(name, text)))
        .isInstanceOf(ImportedTexts.InvalidText.class);
    assertThatThrownBy(() -> as(admin, () -> texts.importText("../../etc/passwd", text)))
        .isInstanceOf(ImportedTexts.InvalidText.class);
    assertThatThrownBy(() -> as(admin, () -> texts.importText("空文本(2025-01-01).txt", "没有条文的文字")))
        .isInstanceOf(ImportedTexts.InvalidText.class);
    var imported = as(admin, () -> texts.importText(name, text));
    assertThat(imported.articles()).isEqualTo(2);
    Eventually.until("the imported text answers", Duration.ofMinutes(3),
        () -> answers("狗满三个月要办犬只登记吗", "沈阳市测试养犬条例#2"));
  }
}
