package org.tongban.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.randomIdNumber;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.tongban.access.OutOfJurisdiction;
import org.tongban.audit.AuditQuery;
import org.tongban.audit.AuditTrail;
import org.tongban.identity.internal.StaffUser;
import org.tongban.person.PersonRefusals.DuplicateIdNumber;
import org.tongban.person.PersonRefusals.ReasonRequired;
import org.tongban.person.PersonRefusals.RegionNotVillage;
import org.tongban.region.RegionNotFound;
import org.tongban.shared.IdNumber;

@SpringBootTest
@Tag("persistence")
class ResidentsTests {

  static final String HEPING_VILLAGE = "210102001002";
  static final String JIANGYANG_VILLAGE = "510502001001";

  @Autowired Residents residents;
  @Autowired GeneratedResidents generator;
  @Autowired JdbcClient jdbc;
  @Autowired AuditTrail audit;

  final StaffUser hepingClerk = clerkOf("210102");
  final StaffUser jiangyangClerk = clerkOf("510502");

  Resident register(StaffUser clerk, IdNumber id, String village) {
    return as(clerk, () -> residents.register(new NewResident("王小明", id.value(), "13800138000", village, village)));
  }

  @Test
  void registersAResidentWithTheNumberMasked() {
    var id = randomIdNumber("210102");
    var resident = register(hepingClerk, id, HEPING_VILLAGE);
    assertThat(resident.idNumberMasked()).isEqualTo(id.masked()).doesNotContain(id.value().substring(6, 14));
    assertThat(resident.phoneMasked()).isEqualTo("138****8000");
    assertThat(resident.birthDate()).isEqualTo(id.birthDate());
    assertThat(resident.sex()).isEqualTo(id.sex());
    assertThat(resident.generated()).isFalse();
  }

  @Test
  void storesNumberAndPhoneEncrypted() {
    var id = randomIdNumber("210102");
    var resident = register(hepingClerk, id, HEPING_VILLAGE);
    var raw = jdbc.sql("select id_number_cipher, phone_cipher, id_number_index from person.person where id = ?")
        .param(resident.id().value()).query((rs, i) -> new byte[][] {rs.getBytes(1), rs.getBytes(2), rs.getBytes(3)})
        .single();
    for (byte[] column : raw) {
      String asText = new String(column, StandardCharsets.ISO_8859_1);
      assertThat(asText).doesNotContain(id.value()).doesNotContain("13800138000");
    }
    String everything = jdbc.sql("select p::text from person.person p where id = ?").param(resident.id().value())
        .query(String.class).single();
    assertThat(everything).doesNotContain(id.value()).doesNotContain("13800138000");
  }

  @Test
  void findsAResidentByExactIdNumberThroughTheBlindIndex() {
    var id = randomIdNumber("210102");
    var resident = register(hepingClerk, id, HEPING_VILLAGE);
    assertThat(residents.lookup(id)).get().extracting(Resident::id).isEqualTo(resident.id());
    var found = as(hepingClerk, () -> residents.search(new ResidentQuery(null, id.value(), null), 0, 10));
    assertThat(found.items()).extracting(Resident::id).containsExactly(resident.id());
  }

  @Test
  void refusesASecondRegistrationOfTheSameNumber() {
    var id = randomIdNumber("210102");
    register(hepingClerk, id, HEPING_VILLAGE);
    assertThatThrownBy(() -> register(hepingClerk, id, HEPING_VILLAGE)).isInstanceOf(DuplicateIdNumber.class);
    // A number ending in X typed in lower case with spaces is the same number.
    IdNumber withX;
    do {
      withX = randomIdNumber("210102");
    } while (!withX.value().endsWith("X"));
    register(hepingClerk, withX, HEPING_VILLAGE);
    String typed = " " + withX.value().toLowerCase() + " ";
    assertThatThrownBy(() -> as(hepingClerk, () -> residents.register(
        new NewResident("王小明", typed, null, HEPING_VILLAGE, HEPING_VILLAGE)))).isInstanceOf(DuplicateIdNumber.class);
  }

  @Test
  void refusesUnknownAndNonVillageRegions() {
    assertThatThrownBy(() -> register(hepingClerk, randomIdNumber("210102"), "210102999999"))
        .isInstanceOf(RegionNotFound.class);
    assertThatThrownBy(() -> register(hepingClerk, randomIdNumber("210102"), "210102001000"))
        .isInstanceOf(RegionNotVillage.class);
  }

  @Test
  void aClerkCannotRegisterOrSeeResidentsOfAnotherCounty() {
    assertThatThrownBy(() -> register(hepingClerk, randomIdNumber("510502"), JIANGYANG_VILLAGE))
        .isInstanceOf(OutOfJurisdiction.class);
    var resident = register(jiangyangClerk, randomIdNumber("510502"), JIANGYANG_VILLAGE);
    assertThatThrownBy(() -> as(hepingClerk, () -> residents.view(resident.id()))).isInstanceOf(OutOfJurisdiction.class);
    var search = as(hepingClerk, () -> residents.search(new ResidentQuery("王", null, null), 0, 200));
    assertThat(search.items()).noneMatch(r -> r.id().equals(resident.id()));
    assertThat(as(jiangyangClerk, () -> residents.view(resident.id())).id()).isEqualTo(resident.id());
  }

  @Test
  void revealingTheFullNumberNeedsPermissionAndReasonAndIsAudited() {
    var id = randomIdNumber("210102");
    var resident = register(hepingClerk, id, HEPING_VILLAGE);
    assertThatThrownBy(() -> as(hepingClerk, () -> residents.revealIdNumber(resident.id(), "核对身份信息")))
        .isInstanceOf(AuthorizationDeniedException.class);
    var supervisor = clerkOf("210102", "person:unmask");
    assertThatThrownBy(() -> as(supervisor, () -> residents.revealIdNumber(resident.id(), "  ")))
        .isInstanceOf(ReasonRequired.class);
    assertThat(as(supervisor, () -> residents.revealIdNumber(resident.id(), "核对身份信息"))).isEqualTo(id.value());
    var entries = audit.search(new AuditQuery(null, "person.id-number-revealed", null, resident.id().toString(), null,
        null), 0, 10);
    assertThat(entries.items()).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo(supervisor.getUsername());
      assertThat(e.detail()).containsEntry("reason", "核对身份信息");
      assertThat(e.detail().toString()).doesNotContain(id.value());
    });
    var outsider = clerkOf("510502", "person:unmask");
    assertThatThrownBy(() -> as(outsider, () -> residents.revealIdNumber(resident.id(), "核对身份信息")))
        .isInstanceOf(OutOfJurisdiction.class);
  }

  @Test
  void staleChangesAreRefused() {
    var resident = register(hepingClerk, randomIdNumber("210102"), HEPING_VILLAGE);
    var changed = as(hepingClerk, () -> residents.change(resident.id(), new ResidentChange(0, "13900139000", null)));
    assertThat(changed.phoneMasked()).isEqualTo("139****9000");
    assertThatThrownBy(() -> as(hepingClerk, () -> residents.change(resident.id(),
        new ResidentChange(0, "13700137000", null)))).isInstanceOf(PersonRefusals.StaleResident.class);
  }

  @Test
  void generatedResidentsFollowTheCensusAndAreReproducible() {
    var first = generator.preview(3_000, 7);
    var again = generator.preview(3_000, 7);
    assertThat(first).hasSize(3_000).isEqualTo(again);
    assertThat(first).extracting(p -> p.idNumber().value()).doesNotHaveDuplicates();
    assertThat(first).allSatisfy(p -> {
      assertThat(p.household().countyCode()).isEqualTo(p.idNumber().addressCode());
      assertThat(p.household().value()).startsWith(p.idNumber().addressCode());
    });
    // Liaoning has about 91% of the population of the two areas (42.6 M of 46.8 M).
    long liaoning = first.stream().filter(p -> p.household().value().startsWith("21")).count();
    assertThat(liaoning).isBetween(2_650L, 2_800L);
    long old = first.stream().filter(p -> p.idNumber().birthDate().isBefore(java.time.LocalDate.of(1960, 11, 2))).count();
    // Census: 60+ share is about 25.7% in Liaoning; sampling noise stays well inside 20–32%.
    assertThat(old).isBetween(600L, 960L);
    long males = first.stream().filter(p -> p.idNumber().sex() == IdNumber.Sex.MALE).count();
    assertThat(males).isBetween(1_350L, 1_650L);
    assertThat(generator.preview(50, 8)).isNotEqualTo(generator.preview(50, 7));
  }

  @Test
  void generatedResidentsAreWrittenMarkedGenerated() {
    long before = residents.count();
    long written = generator.generate(500, 99);
    assertThat(written).isEqualTo(500);
    assertThat(residents.count()).isEqualTo(before + 500);
    long generated = jdbc.sql("select count(*) from person.person where generated").query(Long.class).single();
    assertThat(generated).isGreaterThanOrEqualTo(500);
    var anyone = generator.preview(500, 99).getFirst();
    assertThat(residents.lookup(anyone.idNumber())).get().satisfies(r -> assertThat(r.generated()).isTrue());

    // The demo's families (#12.8): a generated parent 20–40 years older, recorded both ways, in one household.
    int linked = generator.linkFamilies();
    assertThat(linked).isPositive();
    assertThat(generator.linkFamilies()).as("once only").isZero();
    var families = jdbc.sql("select p.birth_date, c.birth_date, p.household_region, c.household_region, r.generated,"
            + " exists(select 1 from person.relative b where b.person_id = c.id and b.relative_id = p.id"
            + " and b.relation = 'PARENT'), p.name, c.name from person.relative r join person.person p on p.id = r.person_id"
            + " join person.person c on c.id = r.relative_id where r.relation = 'CHILD' and r.recorded_by = 'generated'")
        .query((rs, i) -> List.<Object>of(rs.getObject(1, java.time.LocalDate.class), rs.getObject(2, java.time.LocalDate.class), rs.getString(3), rs.getString(4), rs.getBoolean(5),
            rs.getBoolean(6), rs.getString(7).substring(0, 1), rs.getString(8).substring(0, 1))).list();
    assertThat(families).hasSize(linked).allSatisfy(f -> {
      var parent = (java.time.LocalDate) f.get(0);
      var child = (java.time.LocalDate) f.get(1);
      assertThat(child).isBetween(parent.plusYears(20), parent.plusYears(40));
      assertThat(f.get(2)).isEqualTo(f.get(3));
      assertThat(f.get(6)).isEqualTo(f.get(7));
      assertThat(f.subList(4, 6)).containsOnly(true);
    });
  }
}
