package org.tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.casework.CaseworkFixtures.HEPING;
import static org.tongban.casework.CaseworkFixtures.SHENHE;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.casework.CaseworkFixtures.Applicant;
import org.tongban.identity.internal.ResidentFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.NewResident;
import org.tongban.person.PersonRefusals;
import org.tongban.person.Relatives;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import org.tongban.shared.Relation;
import tools.jackson.databind.json.JsonMapper;

/**
 * 为家人申请 (#12.8): a parent applies for their child's 托位 with the relation the household registry records; what the
 * registry holds about the child is taken from it, and nobody applies for a stranger or for an item that is one's own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class FamilyApplicationTests {

  @Autowired Applications applications;
  @Autowired CaseQueries cases;
  @Autowired Relatives relatives;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MockMvc mvc;
  @Autowired org.tongban.audit.AuditTrail audit;

  CaseworkFixtures fixtures;

  @BeforeEach
  void offices() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("health", HEPING);
    fixtures.office("hrss", HEPING);
  }

  /** A resident of 和平区 born on {@code birth} (yyyyMMdd), with a signed-in account. */
  private Applicant born(String name, String birth) {
    var id = org.tongban.StaffFixtures.idNumberBorn(HEPING, birth);
    var village = fixtures.village(HEPING);
    Resident r = as(clerkOf(HEPING), () -> residents.register(new NewResident(name, id.value(), null, village, village)));
    return new Applicant(r, ResidentFixtures.accountFor(secrets, r.id(), name, id));
  }

  private String idNumberOf(Resident r) {
    return as(clerkOf(HEPING, "person:unmask"), () -> residents.revealIdNumber(r.id(), "登记家庭成员"));
  }

  private NewApplication nursery(Applicant parent, Resident child, String typedChildName) {
    return new NewApplication("health.nursery-place", parent.person().id(), Channel.WEB, RegionBasis.RESIDENCE, null,
        json.readTree("""
            {"applicantName":"%s","childName":"%s","childBirthDate":"2020-01-01","guardianRelation":"母亲","contactPhone":"13800001234"}"""
            .formatted(parent.person().name(), typedChildName)), null, null, child.id());
  }

  @Test
  void aClerkRecordsAChildBothWaysAndRefusesWhatCannotBe() {
    var mother = born("林慧", "19900315");
    var child = born("林小雨", "20250601");
    var recorded = as(clerkOf(HEPING), () -> relatives.record(mother.person().id(), idNumberOf(child.person()), Relation.CHILD));
    assertThat(recorded.person().id()).isEqualTo(child.person().id());
    assertThat(relatives.relation(mother.person().id(), child.person().id())).contains(Relation.CHILD);
    assertThat(relatives.relation(child.person().id(), mother.person().id())).contains(Relation.PARENT);
    // Again, the same: nothing new; another relation between the two: a conflict; the baby as the mother's parent or
    // the mother as her own child: implausible.
    as(clerkOf(HEPING), () -> relatives.record(mother.person().id(), idNumberOf(child.person()), Relation.CHILD));
    assertThat(relatives.of(mother.person().id())).hasSize(1);
    assertThatThrownBy(() -> as(clerkOf(HEPING), () -> relatives.record(mother.person().id(), idNumberOf(child.person()),
        Relation.SPOUSE))).isInstanceOf(PersonRefusals.RelationConflict.class);
    var other = born("林立", "20240101");
    assertThatThrownBy(() -> as(clerkOf(HEPING), () -> relatives.record(mother.person().id(), idNumberOf(other.person()),
        Relation.PARENT))).isInstanceOf(PersonRefusals.ImplausibleRelation.class);
    assertThatThrownBy(() -> as(clerkOf(HEPING), () -> relatives.record(mother.person().id(), idNumberOf(mother.person()),
        Relation.CHILD))).isInstanceOf(PersonRefusals.ImplausibleRelation.class);
    // A clerk of 沈河区 reaches neither: the mother is not found, and a child outside reach is "not found" too.
    assertThatThrownBy(() -> as(clerkOf(SHENHE), () -> relatives.record(mother.person().id(), idNumberOf(other.person()),
        Relation.CHILD))).isInstanceOf(org.tongban.shared.Refusal.class);
    var shenheParent = fixtures.resident("沈梅", SHENHE);
    assertThatThrownBy(() -> as(clerkOf(SHENHE), () -> relatives.record(shenheParent.person().id(),
        idNumberOf(other.person()), Relation.CHILD))).isInstanceOf(PersonRefusals.RelativeNotFound.class);
    audit.flush();
    assertThat(jdbc.sql("select count(*) from audit.entry where action = 'person.relative-recorded' and target_id = ?")
        .param(mother.person().id().toString()).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void aParentAppliesForTheirChildAndTheRegistryFillsInTheChild() {
    var mother = born("韩静", "19920520");
    var child = born("韩朵朵", "20250110");
    as(clerkOf(HEPING), () -> relatives.record(mother.person().id(), idNumberOf(child.person()), Relation.CHILD));
    var c = as(mother.user(), () -> applications.apply(nursery(mother, child.person(), "别的名字")));
    assertThat(c.applicant()).isEqualTo(mother.person().id());
    assertThat(c.subject()).isNotNull();
    assertThat(c.subject().id()).isEqualTo(child.person().id());
    assertThat(c.subject().relation()).isEqualTo(Relation.CHILD);
    // The registry's name and date of birth, not what was typed.
    assertThat(c.form().path("childName").asString()).isEqualTo("韩朵朵");
    assertThat(c.form().path("childBirthDate").asString()).isEqualTo("2025-01-10");
    assertThat(jdbc.sql("select note from casework.case_event where case_id = ? order by id limit 1")
        .param(c.id().value()).query(String.class).single()).isEqualTo("为子女韩朵朵申请");
    // The mother sees it among her cases; the child's own account does not (the child applied for nothing).
    assertThat(as(mother.user(), () -> cases.myCases(0, 20)).items()).extracting(CaseFile::id).contains(c.id());
    assertThat(as(child.user(), () -> cases.myCases(0, 20)).items()).isEmpty();
  }

  @Test
  void nobodyAppliesForAStrangerNorForAnItemThatIsOnesOwn() {
    var father = born("葛军", "19880808");
    var stranger = born("葛小北", "20240909");
    assertThatThrownBy(() -> as(father.user(), () -> applications.apply(nursery(father, stranger.person(), "葛小北"))))
        .isInstanceOf(CaseRefusals.NotARelative.class);
    as(clerkOf(HEPING), () -> relatives.record(father.person().id(), idNumberOf(stranger.person()), Relation.CHILD));
    // 失业保险金 is one's own: not even for a recorded child.
    assertThatThrownBy(() -> as(father.user(), () -> applications.apply(new NewApplication("hrss.unemployment-benefit",
        father.person().id(), Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"葛军","endDate":"2026-10-31","endReason":"合同期满","bankAccount":"6222020200112233","contactPhone":"13800001234"}"""),
        null, null, stranger.person().id())))).isInstanceOf(CaseRefusals.NotForRelatives.class);
    assertThat(jdbc.sql("select count(*) from casework.case_file where applicant = ?").param(father.person().id().value())
        .query(Long.class).single()).isZero();
  }

  @Test
  void theApplyPageOffersTheFamilyAndFillsInTheChosenChild() throws Exception {
    var father = born("邵峰", "19870101");
    var child = born("邵乐乐", "20250303");
    as(clerkOf(HEPING), () -> relatives.record(father.person().id(), idNumberOf(child.person()), Relation.CHILD));
    var page = mvc.perform(get("/services/health.nursery-place/apply").with(user(father.user())))
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("为谁申请").contains("子女 · 邵乐乐");
    var chosen = mvc.perform(get("/services/health.nursery-place/apply?for=" + child.person().id()).with(user(father.user())))
        .andReturn().getResponse().getContentAsString();
    assertThat(chosen).contains("正在为 邵乐乐 申请").contains("value=\"邵乐乐\"").contains("value=\"2025-03-03\"")
        .contains("name=\"for\" value=\"" + child.person().id() + "\"");
    // Someone not in the family is not offered, and asking for them by id files for the resident themselves.
    var stranger = born("邵某", "20250404");
    var notFamily = mvc.perform(get("/services/health.nursery-place/apply?for=" + stranger.person().id())
        .with(user(father.user()))).andReturn().getResponse().getContentAsString();
    assertThat(notFamily).doesNotContain("邵某").doesNotContain("正在为");
    var filed = mvc.perform(post("/services/health.nursery-place/apply").with(user(father.user())).with(csrf())
            .param("for", child.person().id().toString()).param("applicantName", "邵峰").param("childName", "邵乐乐")
            .param("childBirthDate", "2025-03-03").param("guardianRelation", "父亲").param("contactPhone", "13800005678")
            .param("submission", java.util.UUID.randomUUID().toString()))
        .andReturn().getResponse();
    assertThat(filed.getRedirectedUrl()).startsWith("/my/cases/");
    var caseId = filed.getRedirectedUrl().substring("/my/cases/".length()).replace("?submitted", "");
    var view = mvc.perform(get("/my/cases/" + caseId).with(user(father.user()))).andReturn().getResponse()
        .getContentAsString();
    assertThat(view).contains("申请对象").contains("邵乐乐 · 申请人的子女");
    // The staff record shows the family.
    var record = mvc.perform(get("/residents/" + father.person().id()).with(user(clerkOf(HEPING))))
        .andReturn().getResponse().getContentAsString();
    assertThat(record).contains("家庭成员").contains("邵乐乐");
  }
}
