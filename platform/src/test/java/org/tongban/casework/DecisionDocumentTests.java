package org.tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.casework.CaseworkFixtures.HEPING;

import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.Office;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decision documents worth keeping: an approved benefit states the amount, the period and the legal basis; a refusal
 * and a non-acceptance state their reason; every one names the appeal rights with their time limits (行政复议 within
 * 60 days at the county government, 行政诉讼 within 6 months), embeds its CJK font, and points at the configured
 * public address. Refusal documents are registered (verifiable) but never fetched as an e-certificate.
 */
@SpringBootTest
@Tag("persistence")
class DecisionDocumentTests {

  private static final String CLAIM = """
      {"applicantName":"%s","endDate":"2026-10-31","endReason":"用人单位解除","bankAccount":"6222020200112233",
       "contactPhone":"13800002222"}""";

  @Autowired Casework casework;
  @Autowired Applications applications;
  @Autowired CaseQueries cases;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired org.tongban.catalogue.ServiceCatalogue catalogue;
  @Value("${tongban.public-url}") String publicUrl;

  CaseworkFixtures fixtures;
  Office hrss;

  @BeforeEach
  void offices() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    hrss = fixtures.office("hrss", HEPING);
  }

  private CaseFile claim(CaseworkFixtures.Applicant a) {
    var c = as(a.user(), () -> applications.apply(new NewApplication("hrss.unemployment-benefit", a.person().id(),
        Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree(CLAIM.formatted(a.person().name())), null, null)));
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, a.user(), c.id());
    return c;
  }

  private String text(CaseworkFixtures.Applicant a, CaseFile c) throws Exception {
    var result = as(a.user(), () -> cases.results(c.id())).getFirst();
    byte[] pdf = as(a.user(), () -> cases.resultFile(c.id(), result.code()));
    String raw = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
    // The CJK font travels with the document (a subset of Noto Serif SC, SIL OFL), so every viewer renders it.
    assertThat(raw).contains("/FontFile2").contains("NotoSerifSC");
    var reader = new PdfReader(pdf);
    var text = new StringBuilder();
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(new PdfTextExtractor(reader).getTextFromPage(page));
    }
    return text.toString().replaceAll("\\s+", "");
  }

  @Test
  void anApprovedBenefitStatesAmountPeriodBasisAndAppealRights() throws Exception {
    var a = fixtures.resident("韩梅", HEPING);
    var c = claim(a);
    var officer = fixtures.staff(hrss, "OFFICER");
    for (var step : new CaseAction[] {CaseAction.PASS, CaseAction.ACCEPT, CaseAction.AGREE}) {
      as(officer, () -> casework.act(c.id(), step, null));
    }
    // A benefit is not approved without what it grants.
    assertThatThrownBy(() -> as(officer, () -> casework.act(c.id(), CaseAction.APPROVE, null)))
        .isInstanceOf(CaseRefusals.InvalidApplication.class)
        .satisfies(e -> assertThat(((CaseRefusals.InvalidApplication) e).problems())
            .extracting(org.tongban.shared.FieldProblem::field).containsExactlyInAnyOrder("amount", "from"));
    assertThatThrownBy(() -> as(officer, () -> casework.act(c.id(), CaseAction.APPROVE, null,
        DecisionTerms.typed("1850000000", "2026-12", null)))).isInstanceOf(CaseRefusals.InvalidApplication.class);

    var from = YearMonth.now(Casework.CHINA);
    as(officer, () -> casework.act(c.id(), CaseAction.APPROVE, null,
        DecisionTerms.typed("1,850.5", from.toString(), from.plusMonths(11).toString())));
    String text = text(a, c);
    assertThat(text).contains("失业保险待遇核定通知").contains("决定准予")
        .contains("每月1,850.50元")
        .contains(from.getYear() + "年" + from.getMonthValue() + "月至")
        .contains("共12个月")
        .contains("依据《失业保险条例》第十四条、第十六条，《社会保险经办条例》第二十四条")
        .contains("六十日内向沈阳市和平区人民政府申请行政复议")
        .contains("六个月内依法向人民法院提起行政诉讼")
        .contains(publicUrl + "/verify/");
    assertThat(jdbc.sql("select amount_cents from casework.decision where case_id = ? and outcome = 'APPROVED'")
        .param(c.id().value()).query(Long.class).single()).isEqualTo(185_050L);
  }

  @Test
  void aRefusalAndANonAcceptanceStateTheirReasonAndAreNotFetchedAsCertificates() throws Exception {
    var a = fixtures.resident("李雷", HEPING);
    var denied = claim(a);
    var officer = fixtures.staff(hrss, "OFFICER");
    for (var step : new CaseAction[] {CaseAction.PASS, CaseAction.ACCEPT, CaseAction.AGREE}) {
      as(officer, () -> casework.act(denied.id(), step, null));
    }
    as(officer, () -> casework.act(denied.id(), CaseAction.DENY, "失业前缴纳失业保险费不满一年"));
    String text = text(a, denied);
    assertThat(text).contains("不予批准决定书").contains("决定不予批准").contains("理由：失业前缴纳失业保险费不满一年")
        .contains("六十日内").contains("行政复议").contains("六个月内").doesNotContain("核定标准");

    var b = fixtures.resident("李雪", HEPING);
    var refused = claim(b);
    as(officer, () -> casework.act(refused.id(), CaseAction.REFUSE, "不属于本机关受理范围，请向参保地经办机构申请"));
    assertThat(text(b, refused)).contains("不予受理通知书").contains("决定不予受理")
        .contains("理由：不属于本机关受理范围").contains("行政复议");

    // A refusal document is verifiable, but no later application fetches it as the item's e-certificate.
    assertThat(jdbc.sql("select count(*) from casework.certificate where case_id in (?, ?) and refusal")
        .params(denied.id().value(), refused.id().value()).query(Long.class).single()).isEqualTo(2);
  }
}
