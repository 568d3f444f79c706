package org.tongban.casework;

import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.randomIdNumber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.tongban.StaffFixtures;
import org.tongban.identity.internal.ResidentFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.identity.internal.StaffUser;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OfficeKind;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.NewResident;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.shared.RegionCode;

/** Offices, residents and signed-in people for casework tests. Offices are made once per unit and reused. */
public record CaseworkFixtures(OrganisationDirectory organisations, Residents residents, ResidentSecrets secrets,
                        JdbcClient jdbc) {

  /** 和平区 and 沈河区 of 沈阳市, Liaoning. */
  public static final String HEPING = "210102";
  /** What an officer grants when approving a benefit in these tests: 1,850 yuan a month from this month. */
  public static final DecisionTerms TERMS = DecisionTerms.typed("1850",
      java.time.YearMonth.now(Casework.CHINA).toString(), null);
  public static final String SHENHE = "210103";
  public static final String DADONG = "210104";

  /** The office of {@code department} at {@code unit} (2, 4, 6 or 9 digits), made if missing. */
  public Office office(String department, String unit) {
    var at = RegionCode.of(unit);
    return organisations.officeAt(department, at).orElseGet(() -> {
      var kind = department.equals("government-services") ? OfficeKind.SERVICE_HALL : OfficeKind.OFFICE;
      var office = new Office(OfficeId.random(), department, at, kind, "测试" + unit + department, null, null, false, 0);
      organisations.insert(office);
      return office;
    });
  }

  /** The government-services station of a village (便民服务站), opened when it has none. */
  public Office villageStation(String village) {
    return organisations.officeAt("government-services", RegionCode.of(village)).orElseGet(() -> {
      var o = new Office(OfficeId.random(), "government-services", RegionCode.of(village), OfficeKind.VILLAGE_STATION,
          "测试便民服务站" + village, null, null, false, 0);
      organisations.insert(o);
      return o;
    });
  }

  /** The first township of a county and the first village in it. */
  public String township(String county) {
    return jdbc.sql("select code from region.region where code like ? and level = 4 and valid_to is null order by code limit 1")
        .param(county + "%").query(String.class).single();
  }

  public String village(String county) {
    return jdbc.sql("select code from region.region where code like ? and level = 5 and valid_to is null order by code limit 1")
        .param(township(county).substring(0, 9) + "%").query(String.class).single();
  }

  /** A registered resident living in {@code county}, with a signed-in account. */
  public Applicant resident(String name, String county) {
    return resident(name, county, randomIdNumber(county));
  }

  /** A resident of {@code county} born on {@code yyyymmdd}, for rules that depend on age. */
  public Applicant residentBorn(String name, String county, String yyyymmdd) {
    return resident(name, county, StaffFixtures.idNumberBorn(county, yyyymmdd));
  }

  private Applicant resident(String name, String county, org.tongban.shared.IdNumber id) {
    var village = village(county);
    Resident r = as(clerkOf(county), () -> residents.register(new NewResident(name, id.value(), null, village, village)));
    return new Applicant(r, ResidentFixtures.accountFor(secrets, r.id(), name, id));
  }

  /** Staff of {@code office}. */
  public StaffUser staff(Office office, String... roles) {
    return StaffFixtures.at(office, roles);
  }

  /** A real one-page PDF (what a scanner or a phone app produces), for uploads. */
  public static byte[] pdf(String text) {
    var out = new java.io.ByteArrayOutputStream();
    var document = new org.openpdf.text.Document();
    org.openpdf.text.pdf.PdfWriter.getInstance(document, out);
    document.open();
    document.add(new org.openpdf.text.Paragraph(text));
    document.close();
    return out.toByteArray();
  }

  /** A real small JPEG (a phone photo of a paper, as far as the platform can tell). */
  public static byte[] jpeg() {
    var image = new java.awt.image.BufferedImage(32, 24, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(image, "jpeg", out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Uploads, as {@code uploader} (the applicant, or the receiving office's clerk), every required material the case still lacks (the platform fetches only what it holds:
   * the registry's records and its own e-certificates).
   */
  public static void supplyRequired(Casework casework, CaseQueries cases, org.tongban.catalogue.ServiceCatalogue catalogue,
                                    UserDetails uploader, CaseId id) {
    var c = StaffFixtures.as(uploader, () -> cases.view(id));
    var present = StaffFixtures.as(uploader, () -> cases.materials(c.id())).stream()
        .map(org.tongban.casework.internal.CaseMaterials.Entry::code).collect(java.util.stream.Collectors.toSet());
    for (var m : catalogue.version(c.item(), c.itemVersion()).spec().materials()) {
      if (m.required() && !present.contains(m.code())) {
        StaffFixtures.as(uploader, () -> casework.attach(c.id(), m.code(), "application/pdf", pdf(m.name())));
      }
    }
  }

  public record Applicant(Resident person, UserDetails user) {}

  /**
   * Works a case through to approval as the staff of each office it waits on would (pass, accept, agree, approve),
   * among {@code offices}; for tests that need a status a case establishes.
   */
  public void approve(Casework casework, CaseQueries cases, UserDetails applicant, CaseId id,
                      org.tongban.organisation.Office... offices) {
    for (int step = 0; step < 10; step++) {
      var now = as(applicant, () -> cases.view(id));
      if (now.decision() != null || now.waitingOn() == null) return;
      var office = java.util.Arrays.stream(offices).filter(o -> o.id().equals(now.waitingOn())).findFirst().orElseThrow();
      var staff = staff(office);
      var possible = as(staff, () -> cases.actions(cases.view(id)));
      var next = java.util.List.of(CaseAction.PASS, CaseAction.ACCEPT, CaseAction.AGREE, CaseAction.APPROVE).stream()
          .filter(possible::contains).findFirst().orElseThrow();
      as(staff, () -> casework.act(id, next, "核实属实"));
    }
  }
}
