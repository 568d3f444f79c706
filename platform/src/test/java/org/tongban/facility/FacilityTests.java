package org.tongban.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;
import static org.tongban.casework.CaseworkFixtures.HEPING;
import static org.tongban.casework.CaseworkFixtures.SHENHE;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.tongban.casework.CaseAction;
import org.tongban.casework.Casework;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.exchange.ExchangeFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.GeoPoint;
import org.tongban.shared.RegionCode;
import tools.jackson.databind.json.JsonMapper;

/** The registry, its rules, imports and exports, and places given through cases. */
@SpringBootTest
@Tag("persistence")
class FacilityTests {

  @Autowired FacilityRegistry registry;
  @Autowired FacilityTransfers transfers;
  @Autowired Placements placements;
  @Autowired Casework casework;
  @Autowired org.tongban.casework.CaseQueries cases;
  @Autowired org.tongban.catalogue.ServiceCatalogue catalogue;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  CaseworkFixtures fixtures;
  String hepingTownship;
  UserDetails educationOfficer;

  @BeforeEach
  void setUp() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    hepingTownship = fixtures.township(HEPING);
    educationOfficer = officerOf(HEPING, "education");
  }

  private FacilityDraft kindergarten(String name, int seats, int enrolled) {
    return new FacilityDraft("childcare.kindergarten", name, hepingTownship, 123.3890, 41.7460, "GCJ02",
        "1-5 07:30-17:30; 1-5 17:30-18:30 延时", FeeRule.CHARGED, new BigDecimal("600"), FacilityStatus.OPEN,
        LocalDate.of(2020, 9, 1), Map.of("ownership", "公办", "inclusive", "是", "stars", "4", "seats",
            String.valueOf(seats), "enrolled", String.valueOf(enrolled), "townshipCentre", "否"), List.of());
  }

  @Test
  void everyDomainModuleContributesItsTypes() {
    assertThat(registry.types()).extracting(t -> t.code()).contains("childcare.nursery", "childcare.kindergarten",
        "childcare.prenatal-screening", "eldercare.care-home", "eldercare.community-centre", "eldercare.street-centre",
        "eldercare.medical-care", "venue.library", "venue.university-museum", "venue.fitness-trail", "venue.stadium",
        "venue.gymnasium", "welfare.children-home", "welfare.glory-home", "welfare.martyrs-cemetery");
    assertThat(jdbc.sql("select count(*) from facility.type").query(Long.class).single())
        .isEqualTo(registry.types().size());
  }

  @Test
  void registersAKindergartenConvertingGcj02AndKeepingPlacesInColumns() {
    var f = as(educationOfficer, () -> registry.register(kindergarten("和平区测试幼儿园", 180, 170)));
    assertThat(f.capacity()).isEqualTo(180);
    assertThat(f.occupied()).isEqualTo(170);
    assertThat(f.free()).isEqualTo(10);
    assertThat(f.attributes()).containsEntry("ownership", "公办").containsEntry("inclusive", true)
        .containsEntry("stars", 4).doesNotContainKeys("seats", "enrolled");
    assertThat(f.hours()).isEqualTo("1-5 07:30-17:30; 1-5 17:30-18:30 延时");
    assertThat(f.feeCents()).isEqualTo(60000);
    // Stored in WGS-84: a few hundred metres from the GCJ-02 input, and back to it exactly.
    double shift = f.location().metresTo(new GeoPoint(123.3890, 41.7460));
    assertThat(shift).isBetween(100.0, 1000.0);
    assertThat(f.location().toGcj02().metresTo(new GeoPoint(123.3890, 41.7460))).isLessThan(0.01);
    assertThat(f.openOn(LocalDate.of(2021, 1, 1))).isTrue();
    assertThat(f.openOn(LocalDate.of(2019, 1, 1))).isFalse();
  }

  @Test
  void reportsEveryProblemOfADraftAtOnce() {
    var bad = new FacilityDraft("childcare.kindergarten", " ", "210102000000", 123.0, null, null, "周一至周五",
        FeeRule.FREE, new BigDecimal("5"), FacilityStatus.OPEN, LocalDate.of(2020, 1, 1),
        Map.of("ownership", "国营", "seats", "-3", "colour", "red"), List.of());
    assertThatThrownBy(() -> as(educationOfficer, () -> registry.register(bad)))
        .isInstanceOfSatisfying(FacilityRegistry.InvalidFacility.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field, FieldProblem::code)
            .contains(org.assertj.core.groups.Tuple.tuple("name", "required-text"),
                org.assertj.core.groups.Tuple.tuple("region", "facility-region"),
                org.assertj.core.groups.Tuple.tuple("lon", "coordinates"),
                org.assertj.core.groups.Tuple.tuple("hours", "opening-hours"),
                org.assertj.core.groups.Tuple.tuple("feeYuan", "free-with-price"),
                org.assertj.core.groups.Tuple.tuple("ownership", "attribute-value"),
                org.assertj.core.groups.Tuple.tuple("seats", "attribute-value"),
                org.assertj.core.groups.Tuple.tuple("colour", "unknown-attribute"),
                org.assertj.core.groups.Tuple.tuple("enrolled", "required")));
  }

  @Test
  void staffRegisterOnlyInTheirJurisdictionAndDepartment() {
    assertThatThrownBy(() -> as(officerOf(SHENHE, "education"), () -> registry.register(kindergarten("越权园", 10, 0))))
        .hasMessageContaining("access.not-found");
    assertThatThrownBy(() -> as(officerOf(HEPING, "sports"), () -> registry.register(kindergarten("越权园", 10, 0))))
        .hasMessageContaining("access.not-found");
  }

  @Test
  void theFinderShowsOpenFacilitiesWithFreePlacesNearestFirst() {
    var near = as(educationOfficer, () -> registry.register(kindergarten("近处幼儿园", 100, 50)));
    var full = as(educationOfficer, () -> registry.register(kindergarten("满员幼儿园", 100, 100)));
    var result = registry.search(new FacilityQuery("childcare.kindergarten", RegionCode.of(HEPING), null, true,
        near.location(), 5, null), 0, 50);
    assertThat(result.items()).extracting(Facility::id).contains(near.id()).doesNotContain(full.id());
    assertThat(result.items().getFirst().location().metresTo(near.location())).isLessThan(1);
  }

  @Test
  void aPlaceIsTakenWithTheDecisionAndAFullFacilityRefusesIt() {
    var f = as(educationOfficer, () -> registry.register(kindergarten("一席幼儿园", 20, 19)));
    var office = fixtures.office("education", HEPING);
    var officer = fixtures.staff(office, "OFFICER");
    var mei = fixtures.resident("张美", HEPING);
    var lin = fixtures.resident("刘林", HEPING);
    var meiPlace = apply(mei, f, Set.of("hardship"));
    var linPlace = apply(lin, f, Set.of());
    assertThat(meiPlace.status()).isEqualTo(Placement.Status.WAITING);
    assertThat(meiPlace.score()).isEqualTo(50);
    // Priority first: 张美 (困难家庭) is ahead of 刘林 although both are waiting.
    assertThat(as(officer, () -> placements.waitingList(f.id(), 0, 10)).items()).extracting(Placement::caseNumber)
        .containsExactly(meiPlace.caseNumber(), linPlace.caseNumber());
    decide(officer, meiPlace);
    assertThat(registry.view(f.id()).occupied()).isEqualTo(20);
    assertThat(as(mei.user(), () -> placements.mine())).singleElement()
        .satisfies(p -> assertThat(p.status()).isEqualTo(Placement.Status.ADMITTED));
    // The last place is gone: deciding 刘林's case is refused and leaves case and facility as they were.
    assertThatThrownBy(() -> decide(officer, linPlace)).isInstanceOf(FacilityRegistry.NoFreePlace.class);
    assertThat(registry.view(f.id()).occupied()).isEqualTo(20);
    assertThat(cases.find(linPlace.caseId()).orElseThrow().decision()).isNull();
    assertThat(placements.byCase(linPlace.caseId()).orElseThrow().status()).isEqualTo(Placement.Status.WAITING);
    // Someone leaves: the place is free again.
    as(officer, () -> placements.leave(meiPlace.caseId()));
    assertThat(registry.view(f.id()).occupied()).isEqualTo(19);

    // Each change went to the exchange in its own transaction (#16.2): the facility's free places as they moved, and
    // her place as it was filed, granted and ended; his refused decision shared nothing beyond his filing.
    assertThat(ExchangeFixtures.shared(jdbc, json, "facility.facilities", f.id())).extracting(m -> m.get("free"))
        .containsExactly(1, 0, 1);
    assertThat(ExchangeFixtures.shared(jdbc, json, "facility.placements", meiPlace.id()))
        .extracting(m -> m.get("status")).containsExactly("WAITING", "ADMITTED", "LEFT");
    assertThat(ExchangeFixtures.shared(jdbc, json, "facility.placements", meiPlace.id()).get(1))
        .containsEntry("facilityName", "一席幼儿园").containsEntry("name", "张美")
        .containsEntry("person", mei.person().id().value().toString());
    assertThat(ExchangeFixtures.shared(jdbc, json, "facility.placements", linPlace.id()))
        .extracting(m -> m.get("status")).containsExactly("WAITING");
    // The plan's facts of the district, city and province went too; a township's or a village's never.
    indicators.applyNow();
    assertThat(jdbc.sql("select fields ->> 'region' from exchange.outbox where resource = 'planning.fact-values'")
        .query(String.class).list()).contains("210102000000", "210100000000", "210000000000")
        .allSatisfy(r -> assertThat(r).matches("\\d{6}000000"));
  }

  @Autowired org.tongban.indicator.IndicatorManagement indicators;
  @Autowired org.springframework.transaction.support.TransactionTemplate tx;

  @Test
  void admissionsAtTheSameMomentAreEachCountedOnceInThePlanFacts() throws Exception {
    var f = as(educationOfficer, () -> registry.register(kindergarten("同时入园幼儿园", 200, 0)));
    var start = new java.util.concurrent.CountDownLatch(1);
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
      var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
      for (int i = 0; i < 40; i++) {
        done.add(pool.submit(() -> {
          start.await();
          tx.executeWithoutResult(s -> registry.admit(f.id()));
          return null;
        }));
      }
      start.countDown();
      for (var d : done) d.get();
    }
    assertThat(registry.view(f.id()).occupied()).isEqualTo(40);
    while (indicators.applyNow() > 0) {
      // fold the staged changes
    }
    assertThat(indicators.differences()).as("live facts against a recompute").isZero();
  }

  @Test
  void elderlyCareBedsAndHomeCareArePlacesToo() {
    var civil = officerOf(HEPING, "civil-affairs");
    var home = as(civil, () -> registry.register(new FacilityDraft("eldercare.care-home", "和平区测试养老院", hepingTownship,
        null, null, null, "1-7 00:00-23:59", FeeRule.CHARGED, new BigDecimal("2800"), FacilityStatus.OPEN,
        LocalDate.of(2015, 5, 1), Map.of("beds", "120", "nursingBeds", "70", "residents", "100", "ownership", "公办",
            "extremePoverty", "是"), List.of())));
    var centre = as(civil, () -> registry.register(new FacilityDraft("eldercare.street-centre", "和平区测试区域养老服务中心",
        hepingTownship, null, null, null, "1-7 08:00-18:00", FeeRule.LOW_FEE, new BigDecimal("30"), FacilityStatus.OPEN,
        LocalDate.of(2021, 1, 1), Map.of("fullTime", "否", "dayCare", "是", "homeVisits", "是", "homeCareCapacity", "80",
            "homeCareClients", "40"), List.of())));
    var officer = fixtures.staff(fixtures.office("civil-affairs", HEPING), "OFFICER");
    var sun = fixtures.resident("孙秀兰", HEPING);
    var bed = as(sun.user(), () -> placements.apply(home.id(), new NewApplication("civil-affairs.care-bed",
        sun.person().id(), Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree(
            "{\"applicantName\":\"孙秀兰\",\"selfCareAbility\":\"中度失能\",\"contactPhone\":\"13800007777\"}"), null, null),
        Set.of("extreme-poverty", "very-old")));
    assertThat(bed.score()).isEqualTo(130);
    as(sun.user(), () -> casework.attach(bed.caseId(), "care-assessment", null, org.tongban.casework.CaseworkFixtures.pdf("评估")));
    for (var action : List.of(CaseAction.PASS, CaseAction.ACCEPT, CaseAction.AGREE, CaseAction.APPROVE)) {
      as(officer, () -> casework.act(bed.caseId(), action, null));
    }
    assertThat(registry.view(home.id()).occupied()).isEqualTo(101);
    var care = as(sun.user(), () -> placements.apply(centre.id(), new NewApplication("civil-affairs.home-care-service",
        sun.person().id(), Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree("{\"applicantName\":\"孙秀兰\","
            + "\"address\":\"和平区南京南街 1 号\",\"careNeed\":\"助餐\",\"selfCareAbility\":\"轻度失能\","
            + "\"contactPhone\":\"13800007777\"}"), null, null), Set.of()));
    decide(officer, care);
    assertThat(registry.view(centre.id()).occupied()).isEqualTo(41);
    // A place at a facility that does not offer the item is refused.
    assertThatThrownBy(() -> as(sun.user(), () -> placements.apply(centre.id(), new NewApplication("civil-affairs.care-bed",
        sun.person().id(), Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree("{}"), null, null), Set.of())))
        .isInstanceOf(Placements.NoPlacesHere.class);
  }

  @Test
  void kindergartenPlacesGoToChildrenOfTheCatchment() {
    var f = as(educationOfficer, () -> registry.register(kindergarten("片区幼儿园", 50, 0)));
    var outsider = fixtures.resident("赵远", SHENHE);
    assertThatThrownBy(() -> apply(outsider, f, Set.of())).isInstanceOf(Placements.OutsideCatchment.class);
  }

  private Placement apply(CaseworkFixtures.Applicant a, Facility f, Set<String> priorities) {
    var form = json.readTree("{\"applicantName\":\"" + a.person().name() + "\",\"childName\":\"小" + a.person().name()
        + "\",\"childBirthDate\":\"2023-03-01\",\"guardianRelation\":\"母亲\",\"contactPhone\":\"13800003333\"}");
    var placement = as(a.user(), () -> placements.apply(f.id(), new NewApplication("education.kindergarten-enrolment",
        a.person().id(), Channel.WEB, RegionBasis.RESIDENCE, null, form, null, null), priorities));
    org.tongban.casework.CaseworkFixtures.supplyRequired(casework, cases, catalogue, a.user(), placement.caseId());
    return placement;
  }

  private void decide(UserDetails officer, Placement p) {
    as(officer, () -> casework.act(p.caseId(), CaseAction.PASS, null));
    as(officer, () -> casework.act(p.caseId(), CaseAction.ACCEPT, null));
    as(officer, () -> casework.act(p.caseId(), CaseAction.AGREE, null));
    as(officer, () -> casework.act(p.caseId(), CaseAction.APPROVE, null));
  }

  @Test
  void anImportWithOneBadRowSavesNothingUnlessValidRowsAreChosen(@TempDir Path dir) throws Exception {
    var csv = dir.resolve("facilities.csv");
    String township = hepingTownship;
    Files.writeString(csv, """
        类型代码 type,名称 name,区划代码 region,经度 lon,纬度 lat,坐标系 crs,收费方式 fee,状态 status,状态日期 since,床位数 beds,护理型床位 nursingBeds,在住老人 residents,性质 ownership,特困人员供养服务设施 extremePoverty
        eldercare.care-home,导入养老院甲,%1$s,123.40,41.75,GCJ02,免费,运营中,2019-05-01,120,70,100,公办,是
        eldercare.care-home,导入养老院乙,%1$s,,,,收费,OPEN,2019-05-01,80,40,90,民办,否
        eldercare.care-home,导入养老院丙,%1$s,,,,免费,运营中,2019-13-01,80,40,10,私人,否
        """.formatted(township), StandardCharsets.UTF_8);
    var civil = officerOf(HEPING, "civil-affairs");
    var strict = as(civil, () -> transfers.importFile(csv, TableFormat.CSV, ImportMode.ALL_OR_NOTHING));
    assertThat(strict.committed()).isFalse();
    assertThat(strict.imported()).isZero();
    assertThat(strict.rows()).isEqualTo(3);
    assertThat(strict.problems()).extracting(ImportReport.RowProblem::row, ImportReport.RowProblem::column,
        ImportReport.RowProblem::code).contains(
            org.assertj.core.groups.Tuple.tuple(3, "feeYuan", "price"),
            org.assertj.core.groups.Tuple.tuple(3, "residents", "occupied-over-capacity"),
            org.assertj.core.groups.Tuple.tuple(4, "since", "date"),
            org.assertj.core.groups.Tuple.tuple(4, "ownership", "attribute-value"));
    assertThat(countNamed("导入养老院")).isZero();
    var lenient = as(civil, () -> transfers.importFile(csv, TableFormat.CSV, ImportMode.VALID_ROWS));
    assertThat(lenient.committed()).isTrue();
    assertThat(lenient.imported()).isEqualTo(1);
    assertThat(lenient.rejected()).isEqualTo(2);
    assertThat(countNamed("导入养老院")).isEqualTo(1);
  }

  @Test
  void exportReadsBackAsAnImport(@TempDir Path dir) throws Exception {
    var civil = officerOf(HEPING, "civil-affairs");
    as(civil, () -> registry.register(new FacilityDraft("eldercare.community-centre", "往返社区养老站", hepingTownship,
        null, null, null, "1-7 08:00-18:00", FeeRule.FREE, null, FacilityStatus.OPEN, LocalDate.of(2022, 1, 1),
        Map.of("floorArea", "350.5", "setting", "城镇"), List.of())));
    for (var format : TableFormat.values()) {
      var out = new ByteArrayOutputStream();
      as(civil, () -> {
        try {
          transfers.export(new FacilityQuery("eldercare.community-centre", RegionCode.of(HEPING), "往返", false, null,
              0, null), format, out);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return null;
      });
      var file = dir.resolve("export." + format.extension());
      Files.write(file, out.toByteArray());
      var again = as(civil, () -> transfers.importFile(file, format, ImportMode.ALL_OR_NOTHING));
      assertThat(again.problems()).isEmpty();
      assertThat(again.imported()).isGreaterThanOrEqualTo(1);
    }
    assertThat(countNamed("往返社区养老站")).isGreaterThanOrEqualTo(3);
  }

  @Test
  void anUnknownColumnIsReportedAndNothingIsRead(@TempDir Path dir) throws Exception {
    var csv = dir.resolve("bad.csv");
    Files.writeString(csv, "名称 name,颜色 colour\n甲,红\n", StandardCharsets.UTF_8);
    var report = as(officerOf(HEPING, "civil-affairs"), () -> transfers.importFile(csv, TableFormat.CSV,
        ImportMode.VALID_ROWS));
    assertThat(report.committed()).isFalse();
    assertThat(report.problems()).extracting(ImportReport.RowProblem::code)
        .contains("unknown-column", "missing-column");
  }

  @Test
  void aSpreadsheetThatWouldCostTheServerItsMemoryOrTimeIsRefusedUnread(@TempDir Path dir) throws Exception {
    // One cell at column 16,000: each row used to be padded cell by cell up to it.
    var wide = dir.resolve("wide.xlsx");
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = Files.newOutputStream(wide)) {
      var sheet = workbook.createSheet();
      for (int r = 0; r < 200; r++) sheet.createRow(r).createCell(16_000).setCellValue("x");
      workbook.write(out);
    }
    assertThatThrownBy(() -> as(educationOfficer, () -> transfers.importFile(wide, TableFormat.XLSX,
        ImportMode.VALID_ROWS))).hasMessageContaining("facility.import-format");
    // Shared strings of 60 MB that pack into a few kilobytes: refused before they are read into memory.
    var bomb = dir.resolve("bomb.xlsx");
    var plain = dir.resolve("plain.xlsx");
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = Files.newOutputStream(plain)) {
      workbook.createSheet().createRow(0).createCell(0).setCellValue("名称 name");
      workbook.write(out);
    }
    try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(plain));
         var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        if (e.getName().equals("xl/sharedStrings.xml")) {
          out.write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>".getBytes());
          byte[] block = new byte[1 << 20];
          java.util.Arrays.fill(block, (byte) 'a');
          for (int i = 0; i < 60; i++) out.write(block);
          out.write("</t></si></sst>".getBytes());
        } else {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    assertThat(Files.size(bomb)).isLessThan(1_000_000);
    assertThatThrownBy(() -> as(educationOfficer, () -> transfers.importFile(bomb, TableFormat.XLSX,
        ImportMode.VALID_ROWS))).hasMessageContaining("facility.import-format");
  }

  private long countNamed(String prefix) {
    return jdbc.sql("select count(*) from facility.facility where name like ?").param(prefix + "%").query(Long.class)
        .single();
  }
}
