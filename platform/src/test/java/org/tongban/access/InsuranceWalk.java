package org.tongban.access;

import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.tongban.insurance.BankFiles;
import org.tongban.insurance.Corrections;
import org.tongban.insurance.GeneratedInsurance;
import org.tongban.insurance.Insurance;
import org.tongban.person.Resident;
import org.tongban.shared.RegionCode;
import org.tongban.unit.Unit;

/**
 * The insurance records of 江阳区 the two jurisdiction walks need (kept here so the walks stay short): a person with a
 * paid history, a generated pension, a proposed correction and an exported bank file; and the walks' cases for every
 * insurance endpoint that takes an id or writes.
 */
final class InsuranceWalk {

  static final String COUNTY = "510502";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private InsuranceWalk() {}

  static YearMonth now() {
    return YearMonth.now(CHINA);
  }

  /** Records for the id-taking cases of {@link JurisdictionTests}: the owner is the clerk of 江阳区 unless named. */
  static Map<String, List<JurisdictionTests.Case>> idCases(GeneratedInsurance generated, Corrections corrections,
                                                          BankFiles files, JdbcClient jdbc, Resident person, Unit unit,
                                                          Supplier<UUID> transferCase) {
    var id = person.id().value();
    generated.history(id, person.residenceRegion(), now().minusMonths(6), now().minusMonths(1), 500_000);
    var award = generated.pension(id, person.residenceRegion(), now().minusMonths(1), 250_000);
    var hrss = officerOf(COUNTY, "hrss");
    var correction = as(hrss, () -> corrections.propose(id, Insurance.PENSION, now().minusMonths(2), 1_000, 500,
        "走查用更正：工资少报")).id();
    var pageCorrection = as(hrss, () -> corrections.propose(id, Insurance.PENSION, now().minusMonths(3), 1_000, 500,
        "走查用更正：页面复核")).id();
    var file = as(hrss, () -> files.export(now())).id();
    var all = new HashMap<String, List<JurisdictionTests.Case>>();
    String json = MediaType.APPLICATION_JSON_VALUE;
    all.put("GET /api/insurance/persons/{person}/record", List.of(new JurisdictionTests.Case(HttpMethod.GET,
        "/api/insurance/persons/" + id + "/record", null)));
    all.put("POST /api/insurance/awards/{id}/stop", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/insurance/awards/" + award + "/stop", "{\"reason\":\"ENLISTED\",\"lastMonth\":\"" + now() + "\"}")));
    all.put("POST /api/insurance/corrections/{id}/decision", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/insurance/corrections/" + correction + "/decision", "{\"approve\":true}")));
    all.put("POST /workbench/insurance/corrections/{id}/decision", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/workbench/insurance/corrections/" + pageCorrection + "/decision?approve=false", null)));
    // A bank file is settled by the officer who exported it.
    all.put("POST /api/insurance/bank-files/{id}/return", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/insurance/bank-files/" + file + "/return", "{\"content\":\"\"}", hrss, true, null)));
    all.put("POST /workbench/insurance/bank-files/{id}/return", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/workbench/insurance/bank-files/" + file + "/return?content=", null, hrss, true, null)));
    all.put("GET /api/insurance/persons/{person}/survivor-benefits", List.of(new JurisdictionTests.Case(HttpMethod.GET,
        "/api/insurance/persons/" + id + "/survivor-benefits?cause=OTHER&spouse=true", null)));
    all.put("GET /api/insurance/persons/{person}/work-injury", List.of(new JurisdictionTests.Case(HttpMethod.GET,
        "/api/insurance/persons/" + id + "/work-injury?injuryDate=" + now().atDay(1), null)));
    all.put("GET /api/insurance/persons/{person}/disability-allowance", List.of(new JurisdictionTests.Case(HttpMethod.GET,
        "/api/insurance/persons/" + id + "/disability-allowance?originalAge=" + (person.sex()
            == org.tongban.shared.IdNumber.Sex.MALE ? 60 : 55), null)));
    all.put("POST /api/insurance/persons/{person}/labour-appraisals", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/insurance/persons/" + id + "/labour-appraisals", "{\"conclusion\":\"PARTIAL\",\"documentNo\":\"泸劳鉴走查"
            + System.nanoTime() + "号\",\"decidedOn\":\"" + now().atDay(1) + "\"}")));
    // A 江阳区 resident's move to Beijing: its statement in (open case) and the 参保缴费凭证 out (its money on record).
    var transfer = transferCase.get();
    jdbc.sql("insert into insurance.transfer_fund (case_id, person_id, from_province, to_province, months, account_cents,"
        + " pooled_cents, statement_no) values (?, ?, '51', '11', 0, 0, 0, 'walk')").params(transfer, id).update();
    all.put("GET /api/insurance/transfers/{id}/statement", List.of(new JurisdictionTests.Case(HttpMethod.GET,
        "/api/insurance/transfers/" + transfer + "/statement", null)));
    all.put("POST /api/insurance/transfers/{id}/statement-in", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/insurance/transfers/" + transfer + "/statement-in", "{\"originProvince\":\"11\",\"statementNo\":"
            + "\"京走查\",\"periods\":[{\"from\":\"2001-01\",\"to\":\"2001-02\",\"base\":\"3000\"}],"
            + "\"account\":\"100\",\"pooled\":\"200\"}")));
    all.put("POST /api/insurance/units/{unit}/injury-class", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/insurance/units/" + unit.id() + "/injury-class", "{\"riskClass\":3,\"floatPercent\":100,\"from\":\""
            + now() + "\"}")));
    return all;
  }

  /** What {@link WriteJurisdictionTests} walks: each write of the agency by 江阳区's staff and by an outsider. */
  static List<WriteJurisdictionTests.Write> writes(GeneratedInsurance generated, JdbcClient jdbc,
                                                   org.tongban.person.Residents residents, String village,
                                                   UserDetails heping, UserDetails jiangyang) {
    var luzhou = new ArrayList<Resident>();
    var numbers = new ArrayList<String>();
    for (String name : List.of("社保走查甲", "社保走查乙", "社保走查丙")) {
      var id = org.tongban.StaffFixtures.randomIdNumber(COUNTY);
      luzhou.add(as(jiangyang, () -> residents.register(new org.tongban.person.NewResident(name, id.value(), null,
          village, village))));
      numbers.add(id.value());
    }
    var all = new ArrayList<WriteJurisdictionTests.Write>();
    String json = MediaType.APPLICATION_JSON_VALUE;
    long n = System.nanoTime();
    // Parameters: a county's rate by its own agency; the province's average wage and a city's standard by theirs.
    String notice = "走查费率通知" + n;
    var month = YearMonth.of(2001, 1).plusMonths(n % 200);
    all.add(new WriteJurisdictionTests.Write("POST /api/insurance/rates", heping, jiangyang, () -> post("/api/insurance/rates")
        .contentType(json).content("{\"insurance\":\"MEDICAL\",\"scheme\":\"EMPLOYEE\",\"region\":\"510502\",\"riskClass\":0,"
            + "\"employerPercent\":\"8\",\"individualPercent\":\"2\",\"validFrom\":\"" + month + "\",\"notice\":\"" + notice + "\"}"),
        () -> count(jdbc, "select count(*) from insurance.rate where notice = ?", notice)));
    int year = 1990 + (int) (n % 100);
    all.add(new WriteJurisdictionTests.Write("POST /api/insurance/average-wages", officerOf("21", "hrss"),
        officerOf("51", "hrss"), () -> post("/api/insurance/average-wages").contentType(json)
        .content("{\"province\":\"51\",\"year\":" + year + ",\"monthly\":\"6000\",\"source\":\"走查\"}"),
        () -> count(jdbc, "select count(*) from insurance.average_wage where province_code = '51' and year = ? and"
            + " source = '走查'", year)));
    var survivorDay = java.time.LocalDate.of(2001, 1, 1).plusDays(n % 7000);
    all.add(new WriteJurisdictionTests.Write("POST /api/insurance/survivor-standards", officerOf("21", "hrss"),
        officerOf("51", "hrss"), () -> post("/api/insurance/survivor-standards").contentType(json)
        .content("{\"province\":\"51\",\"funeralMonths\":6,\"pensionMonths\":9,\"effectiveFrom\":\"" + survivorDay
            + "\",\"notice\":\"走查遗属标准\"}"),
        () -> count(jdbc, "select count(*) from insurance.survivor_standard where province_code = '51' and"
            + " effective_from = ?", survivorDay)));
    String standard = "走查失业金标准" + n;
    all.add(new WriteJurisdictionTests.Write("POST /api/insurance/benefit-standards", officerOf("2101", "hrss"),
        officerOf("5105", "hrss"), () -> post("/api/insurance/benefit-standards").contentType(json)
        .content("{\"city\":\"5105\",\"monthly\":\"1000\",\"notice\":\"" + standard + "\",\"effectiveFrom\":\""
            + java.time.LocalDate.of(2001, 1, 1).plusDays(n % 7000) + "\"}"),
        () -> count(jdbc, "select count(*) from insurance.benefit_standard where notice = ?", standard)));

    // Corrections of a 江阳区 person's month, proposed by 江阳区's staff only.
    var person = luzhou.get(0);
    generated.history(person.id().value(), person.residenceRegion(), now().minusMonths(3), now().minusMonths(1), 500_000);
    String reason = "走查更正" + n;
    all.add(new WriteJurisdictionTests.Write("POST /api/insurance/corrections", heping, jiangyang,
        () -> post("/api/insurance/corrections").contentType(json).content("{\"person\":\"" + person.id().value()
            + "\",\"insurance\":\"PENSION\",\"month\":\"" + now().minusMonths(2) + "\",\"employer\":\"10\",\"individual\":\"5\","
            + "\"reason\":\"" + reason + "\"}"),
        () -> count(jdbc, "select count(*) from insurance.correction where reason = ?", reason)));
    // The page finds the person by ID number: 江阳区's person, not reachable from 和平区.
    all.add(new WriteJurisdictionTests.Write("POST /workbench/insurance/corrections", heping, jiangyang,
        () -> post("/workbench/insurance/corrections").param("idNumber", numbers.get(0))
            .param("insurance", "PENSION").param("month", now().minusMonths(3).toString()).param("employer", "10")
            .param("individual", "5").param("reason", reason + "页"),
        () -> count(jdbc, "select count(*) from insurance.correction where reason = ?", reason + "页")));

    // Cards of two 江阳区 residents, reported lost by 江阳区's window, not by 和平区's.
    var first = luzhou.get(1);
    var second = luzhou.get(2);
    var city = RegionCode.of("5105");
    UUID firstCard = generated.card(first.id().value(), city, true);
    UUID secondCard = generated.card(second.id().value(), city, true);
    all.add(new WriteJurisdictionTests.Write("POST /api/insurance/cards/loss-reports", heping, jiangyang,
        () -> post("/api/insurance/cards/loss-reports").contentType(json).content("{\"idNumber\":\""
            + numbers.get(1) + "\",\"channel\":\"WINDOW\",\"identityCheck\":\"核对身份证原件\"}"),
        () -> count(jdbc, "select count(*) from insurance.card where id = ? and status = 'TEMP_LOST'", firstCard)));
    all.add(new WriteJurisdictionTests.Write("POST /workbench/insurance/loss-report", heping, jiangyang,
        () -> post("/workbench/insurance/loss-report").param("idNumber", numbers.get(2))
            .param("channel", "PHONE").param("identityCheck", "核对姓名和身份证后四位"),
        () -> count(jdbc, "select count(*) from insurance.card where id = ? and status = 'TEMP_LOST'", secondCard)));

    // 待遇资格认证 of a 江阳区 pensioner by 江阳区's staff only (API, then the page for another).
    generated.pension(first.id().value(), first.residenceRegion(), now().minusMonths(1), 200_000);
    generated.pension(second.id().value(), second.residenceRegion(), now().minusMonths(1), 200_000);
    Supplier<Long> firstQualified = () -> count(jdbc, "select count(*) from insurance.qualification where person_id = ?"
        + " and channel = 'STAFF'", first.id().value());
    Supplier<Long> secondQualified = () -> count(jdbc, "select count(*) from insurance.qualification where person_id = ?"
        + " and channel = 'STAFF'", second.id().value());
    all.add(new WriteJurisdictionTests.Write("POST /api/insurance/qualifications", heping, jiangyang,
        () -> post("/api/insurance/qualifications").contentType(json).content("{\"idNumber\":\"" + numbers.get(1)
            + "\",\"evidence\":\"窗口核验本人身份证\"}"), firstQualified));
    all.add(new WriteJurisdictionTests.Write("POST /workbench/insurance/qualification", heping, jiangyang,
        () -> post("/workbench/insurance/qualification").param("idNumber", numbers.get(2)).param("evidence", "上门见到本人"),
        secondQualified));

    // A pension in 江阳区 since last month: this month's run (API) and last month's (page), then their bank files.
    var award = generated.pension(UUID.randomUUID(), first.residenceRegion(), now().minusMonths(1), 200_000);
    Supplier<Long> thisMonth = () -> count(jdbc, "select count(*) from insurance.payment where award_id = ? and month = ?",
        award, now().atDay(1));
    Supplier<Long> lastMonth = () -> count(jdbc, "select count(*) from insurance.payment where award_id = ? and month = ?",
        award, now().minusMonths(1).atDay(1));
    all.add(new WriteJurisdictionTests.Write("POST /api/insurance/payment-runs", heping, jiangyang,
        () -> post("/api/insurance/payment-runs").contentType(json).content("{\"month\":\"" + now() + "\"}"), thisMonth));
    all.add(new WriteJurisdictionTests.Write("POST /workbench/insurance/payment-run", heping, jiangyang,
        () -> post("/workbench/insurance/payment-run").param("month", now().minusMonths(1).toString()), lastMonth));
    all.add(new WriteJurisdictionTests.Write("POST /api/insurance/bank-files", heping, jiangyang,
        () -> post("/api/insurance/bank-files").contentType(json).content("{\"month\":\"" + now() + "\"}"),
        () -> count(jdbc, "select count(*) from insurance.payment where award_id = ? and month = ? and status <> 'PENDING'",
            award, now().atDay(1))));
    all.add(new WriteJurisdictionTests.Write("POST /workbench/insurance/bank-file", heping, jiangyang,
        () -> post("/workbench/insurance/bank-file").param("month", now().minusMonths(1).toString()),
        () -> count(jdbc, "select count(*) from insurance.payment where award_id = ? and month = ? and status <> 'PENDING'",
            award, now().minusMonths(1).atDay(1))));
    return all;
  }

  /** A pension transfer to 北京 filed by {@code applicant} (a 江阳区 resident): the case's id. */
  static UUID transferCase(org.tongban.casework.Applications applications, tools.jackson.databind.json.JsonMapper json,
                           UserDetails applicant, org.tongban.person.PersonId person) {
    return as(applicant, () -> applications.apply(new org.tongban.casework.NewApplication("hrss.pension-transfer", person,
        org.tongban.casework.Channel.WEB, org.tongban.casework.RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"赵六","destinationRegion":"110105000000","contactPhone":"13800001111"}"""), null, null)))
        .id().value();
  }

  private static long count(JdbcClient jdbc, String sql, Object... args) {
    return jdbc.sql(sql).params(args).query(Long.class).single();
  }
}
