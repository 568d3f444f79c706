package org.tongban.employment;

import static org.tongban.StaffFixtures.as;

import org.tongban.casework.Applications;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseQueries;
import org.tongban.casework.Casework;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.CaseworkFixtures.Applicant;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.organisation.Office;
import tools.jackson.databind.json.JsonMapper;

/** The employment tests' cases run to approval: the statuses (就业困难人员, 登记失业) the service reads. */
record EmploymentCases(CaseworkFixtures fixtures, Applications applications, Casework casework, CaseQueries cases,
                       ServiceCatalogue catalogue, JsonMapper json) {

  /** Files {@code item} for the person with {@code form}, supplies its materials, and approves it through {@code offices}. */
  CaseFile approved(Applicant person, String item, String form, Office... offices) {
    var c = as(person.user(), () -> applications.apply(new NewApplication(item, person.person().id(), Channel.WEB,
        RegionBasis.RESIDENCE, null, json.readTree(form), null, null)));
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, person.user(), c.id());
    fixtures.approve(casework, cases, person.user(), c.id(), offices);
    return as(person.user(), () -> cases.view(c.id()));
  }

  /** An approved 就业困难人员认定 (township first, then the county's labour bureau). */
  CaseFile recognised(Applicant person, String county) {
    return approved(person, "hrss.employment-difficulty", """
        {"applicantName":"%s","hardship":"本人失业已满一年，家中有两位老人需要照料，多次求职未果。","contactPhone":"13800005555"}"""
        .formatted(person.person().name()), fixtures.office("government-services", fixtures.township(county)),
        fixtures.office("hrss", county));
  }

  /** An approved 失业登记 (an immediate item). */
  CaseFile unemployed(Applicant person, String county) {
    return approved(person, "hrss.unemployment-registration", """
        {"applicantName":"%s","endDate":"2026-10-31","endReason":"合同期满","contactPhone":"13800005556"}"""
        .formatted(person.person().name()), fixtures.office("hrss", county));
  }
}
