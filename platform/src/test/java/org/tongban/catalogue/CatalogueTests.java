package org.tongban.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.catalogue.ItemSpec.CaseKind;
import org.tongban.catalogue.ItemSpec.OnlineDepth;
import org.tongban.catalogue.ItemSpec.Step;
import org.tongban.catalogue.ItemSpec.StepKind;
import org.tongban.catalogue.ItemSpec.TimeLimit;
import org.tongban.catalogue.ItemSpec.DayUnit;
import org.tongban.catalogue.ItemSpec.Workflow;
import org.tongban.catalogue.ServiceCatalogue.InvalidItem;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.RegionCode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@Tag("persistence")
class CatalogueTests {

  @Autowired ServiceCatalogue catalogue;
  @Autowired JsonMapper json;

  @Test
  void seedsAtLeastThirtyRealItemsAcrossDepartmentsWithLifeEvents() {
    var items = catalogue.items();
    assertThat(items).hasSizeGreaterThanOrEqualTo(30);
    assertThat(items).extracting(i -> i.spec().department()).contains("hrss", "civil-affairs", "education",
        "health", "healthcare-security", "housing", "culture-tourism");
    assertThat(items).allSatisfy(i -> assertThat(i.spec().basis()).isNotEmpty());
    assertThat(catalogue.lifeEvents()).extracting(LifeEvent::code)
        .contains("birth", "school", "employment", "unemployment", "startup", "retirement", "elderly-care", "after-death");
  }

  /** Each cited article exists in the law text we hold (../shared/data/policy_texts), where we hold that law. */
  @Test
  void citedArticlesExistInTheLawTexts() throws IOException {
    // The shared data sits beside the checkout (../shared/data, DESIGN.md §8); CI may check out elsewhere.
    Path laws = java.util.stream.Stream.of(System.getenv("TONGBAN_SHARED_DATA"), "../../shared/data", "../shared/data",
            "/work/shared/data")
        .filter(java.util.Objects::nonNull).map(d -> Path.of(d, "policy_texts", "laws")).filter(Files::isDirectory)
        .findFirst().orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(laws != null, "policy texts not present");
    var checked = new HashSet<String>();
    for (var item : catalogue.items()) {
      for (var basis : item.spec().basis()) {
        String shortName = basis.law().replace("中华人民共和国", "");
        try (var files = Files.list(laws)) {
          var file = files.filter(f -> f.getFileName().toString().startsWith(shortName + "(")).findFirst();
          if (file.isEmpty()) continue;
          String text = Files.readString(file.get());
          assertThat(Pattern.compile("(?m)^" + basis.article() + " ").matcher(text).find())
              .as("%s %s cited by %s", basis.law(), basis.article(), item.code()).isTrue();
          checked.add(item.code());
        }
      }
    }
    assertThat(checked).hasSizeGreaterThanOrEqualTo(30);
  }

  @Test
  void refusesInconsistentItemsListingEveryProblem() {
    var good = catalogue.currentOrRefuse("hrss.unemployment-benefit").spec();
    var bad = new ItemSpec(good.code(), good.name(), good.nameEn(), good.basicCode(), good.implementationCode(),
        good.type(), good.level(), good.department(), good.basis(), good.conditions(), good.statutoryLimit(),
        new TimeLimit(0, DayUnit.WORKING_DAYS), CaseKind.承诺件, good.audience(), good.channels(), 2, " ", false, null,
        List.of(new Step(StepKind.APPLY, "申请"), new Step(StepKind.PAY, "缴费")), good.place(), good.hours(),
        good.consultation(), good.complaint(), OnlineDepth.Ⅳ, good.reach(), good.materials(), good.result(),
        Workflow.PROMISED, good.synonyms(), good.offeredIn(), good.form(), good.forRelatives());
    assertThatThrownBy(() -> catalogue.publishAsPlatform(bad)).isInstanceOfSatisfying(InvalidItem.class, e ->
        assertThat(e.problems()).extracting(FieldProblem::code)
            .contains("immediate-kind", "depth-four-trips", "trip-reason", "payment-without-fee"));
    assertThat(catalogue.currentOrRefuse(good.code()).spec()).isEqualTo(good);
  }

  @Test
  void publishingAChangeMakesANewVersionAndKeepsTheOld() {
    var v = catalogue.currentOrRefuse("culture-tourism.museum-visit");
    var changed = withConditions(v.spec(), v.spec().conditions() + "（测试修订）");
    var next = as(officerOf("21", "culture-tourism"), () -> catalogue.publish(changed));
    assertThat(next.version()).isEqualTo(v.version() + 1);
    assertThat(catalogue.version(v.code(), v.version()).spec().conditions()).isEqualTo(v.spec().conditions());
    assertThat(as(officerOf("21", "culture-tourism"), () -> catalogue.publish(changed)).version()).isEqualTo(next.version());
    catalogue.publishAsPlatform(v.spec());
  }

  @Test
  void onlyProvinceLevelOfficersOfTheDepartmentPublish() {
    var v = catalogue.currentOrRefuse("culture-tourism.venue-booking");
    assertThatThrownBy(() -> as(officerOf("21", "hrss"), () -> catalogue.publish(v.spec())))
        .isInstanceOf(ServiceCatalogue.NotCatalogueEditor.class);
    assertThatThrownBy(() -> as(officerOf("2101", "culture-tourism"), () -> catalogue.publish(v.spec())))
        .isInstanceOf(ServiceCatalogue.NotCatalogueEditor.class);
  }

  @Test
  void searchesInChineseByNameSynonymMaterialAndDepartment() {
    var liaoning = RegionCode.of("210102000000");
    assertThat(codes("失业金", liaoning)).first().isEqualTo("hrss.unemployment-benefit");
    assertThat(codes("社保卡丢了", liaoning)).contains("hrss.ss-card-loss");
    assertThat(codes("出生医学证明", liaoning)).contains("education.kindergarten-enrolment", "health.birth-certificate");
    assertThat(codes("民政", liaoning)).contains("civil-affairs.high-age-allowance");
    assertThat(codes("养老院", liaoning)).contains("civil-affairs.care-bed", "civil-affairs.private-care-bed");
    assertThat(codes("民办养老院", liaoning)).first().isEqualTo("civil-affairs.private-care-bed");
    assertThat(codes("公办养老院", liaoning)).first().isEqualTo("civil-affairs.care-bed");
    assertThat(codes("托育机构", liaoning)).first().isEqualTo("health.nursery-place");
    assertThat(catalogue.search("", liaoning, 0, 100).total()).isEqualTo(catalogue.items().size());
  }

  @Test
  void everydayWordsFindTheRightThingAndOnlyThat() {
    var liaoning = RegionCode.of("210102000000");
    // Every word must match: "低保" is not the 保 of 参保.
    assertThat(codes("低保", liaoning)).first().isEqualTo("civil-affairs.minimum-living");
    assertThat(codes("低保", liaoning)).doesNotContain("hrss.work-injury-enrolment");
    // Life events are found by the words people use.
    assertThat(catalogue.searchLifeEvents("生孩子")).extracting(org.tongban.catalogue.LifeEvent::code)
        .containsExactly("birth");
    assertThat(catalogue.searchLifeEvents("办退休")).extracting(org.tongban.catalogue.LifeEvent::code)
        .containsExactly("retirement");
    assertThat(catalogue.searchLifeEvents("博物馆")).isEmpty();
    // Particles and pronouns of spoken Chinese match nothing by themselves and do not drag the right item down.
    assertThat(codes("的", liaoning)).isEmpty();
    assertThat(codes("了吗", liaoning)).isEmpty();
    assertThat(codes("我想办社保卡了", liaoning)).first().isEqualTo("hrss.ss-card-application");
    assertThat(codes("我的失业金怎么领啊", liaoning)).first().isEqualTo("hrss.unemployment-benefit");
  }

  @Test
  void searchKeepsItemsOfferedElsewhereOut() {
    var v = catalogue.currentOrRefuse("culture-tourism.museum-visit");
    var sichuanOnly = withOffered(v.spec(), List.of("5105"));
    catalogue.publishAsPlatform(sichuanOnly);
    try {
      assertThat(codes("博物馆", RegionCode.of("510502000000"))).contains(v.code());
      assertThat(codes("博物馆", RegionCode.of("210102000000"))).doesNotContain(v.code());
    } finally {
      catalogue.publishAsPlatform(v.spec());
    }
  }

  @Test
  void checksApplicationsAgainstTheFormAndMergesLifeEventForms() {
    var item = catalogue.currentOrRefuse("hrss.unemployment-benefit");
    var problems = catalogue.check(item, json.readTree("""
        {"applicantName":"张三","endDate":"2026-02-30x","endReason":"跳槽","bankAccount":"12","contactPhone":"13800000000","extra":1}
        """));
    assertThat(problems).extracting(FieldProblem::field).contains("endDate", "endReason", "bankAccount");
    assertThat(problems).extracting(FieldProblem::code).contains("form-additionalProperties");
    var merged = catalogue.combinedForm(catalogue.lifeEvent("unemployment"));
    assertThat(merged.items()).hasSize(3);
    assertThat(merged.schema().path("properties").has("courseName")).isTrue();
    assertThat(merged.materials()).extracting(ItemSpec.Material::code).doesNotHaveDuplicates().contains("identity");
  }

  private List<String> codes(String text, RegionCode region) {
    return catalogue.search(text, region, 0, 10).items().stream().map(ItemVersion::code).toList();
  }

  private static ItemSpec withConditions(ItemSpec s, String conditions) {
    return new ItemSpec(s.code(), s.name(), s.nameEn(), s.basicCode(), s.implementationCode(), s.type(), s.level(),
        s.department(), s.basis(), conditions, s.statutoryLimit(), s.promisedLimit(), s.caseKind(), s.audience(),
        s.channels(), s.trips(), s.tripReason(), s.fee(), s.feeBasis(), s.steps(), s.place(), s.hours(),
        s.consultation(), s.complaint(), s.depth(), s.reach(), s.materials(), s.result(), s.workflow(), s.synonyms(),
        s.offeredIn(), s.form(), s.forRelatives());
  }

  private static ItemSpec withOffered(ItemSpec s, List<String> offered) {
    return new ItemSpec(s.code(), s.name(), s.nameEn(), s.basicCode(), s.implementationCode(), s.type(), s.level(),
        s.department(), s.basis(), s.conditions(), s.statutoryLimit(), s.promisedLimit(), s.caseKind(), s.audience(),
        s.channels(), s.trips(), s.tripReason(), s.fee(), s.feeBasis(), s.steps(), s.place(), s.hours(),
        s.consultation(), s.complaint(), s.depth(), s.reach(), s.materials(), s.result(), s.workflow(), s.synonyms(),
        offered, s.form(), s.forRelatives());
  }
}
