package org.tongban.insurance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;

/**
 * 劳动能力鉴定 conclusions as the appraisal committee gives them (工伤保险条例 arts. 21–22 for work injuries; the same
 * committees appraise for 病残津贴), entered by the agency with the document's number, read where a benefit needs them.
 */
@Service
@Transactional(readOnly = true)
public class LabourAppraisals {

  /** The conclusion on the ability to work as the committee states it. */
  public enum Conclusion { COMPLETE, PARTIAL, NONE }

  public record Appraisal(UUID id, UUID person, Conclusion conclusion, String documentNo, LocalDate decidedOn) {}

  private final JdbcClient jdbc;
  private final Residents residents;
  private final Jurisdiction jurisdiction;
  private final Callers callers;
  private final AuditTrail audit;

  LabourAppraisals(JdbcClient jdbc, Residents residents, Jurisdiction jurisdiction, Callers callers, AuditTrail audit) {
    this.jdbc = jdbc;
    this.residents = residents;
    this.jurisdiction = jurisdiction;
    this.callers = callers;
    this.audit = audit;
  }

  /**
   * The agency enters the appraisal committee's conclusion for a person living in its jurisdiction ("not found"
   * elsewhere); the same document is entered once.
   */
  @Transactional
  public Appraisal record(UUID person, @Nullable Conclusion conclusion, @Nullable String documentNo,
                          @Nullable LocalDate decidedOn) {
    var resident = residents.find(new PersonId(person)).orElseThrow(InsuranceRefusals.PersonNotFound::new);
    if (!jurisdiction.allows(resident.residenceRegion(), InsuranceParameters.DEPARTMENT, Purpose.CAPTURE)) {
      throw new InsuranceRefusals.PersonNotFound();
    }
    var problems = new ArrayList<String>();
    if (conclusion == null) problems.add("conclusion");
    if (documentNo == null || !documentNo.strip().matches("[\\p{IsHan}A-Za-z0-9〔〕\\[\\]()（）第号-]{4,60}")) {
      problems.add("documentNo");
    }
    if (decidedOn == null || decidedOn.isAfter(Enrolments.today()) || decidedOn.isBefore(Enrolments.today().minusYears(5))) {
      problems.add("decidedOn");
    }
    if (!problems.isEmpty()) throw new InsuranceRefusals.InvalidParameter(String.join(",", problems));
    var a = new Appraisal(UUID.randomUUID(), person, conclusion, documentNo.strip(), decidedOn);
    try {
      jdbc.sql("insert into insurance.labour_appraisal (id, person_id, conclusion, document_no, decided_on, region_code,"
              + " entered_by) values (?, ?, ?, ?, ?, ?, ?)")
          .params(a.id(), person, conclusion.name(), a.documentNo(), decidedOn, resident.residenceRegion().value(),
              callers.current().name())
          .update();
    } catch (DuplicateKeyException e) {
      throw new InsuranceRefusals.InvalidParameter("documentNo");
    }
    audit.record("insurance.labour-appraisal-entered", "person", person.toString(), resident.residenceRegion(),
        Map.of("conclusion", conclusion.name(), "document", a.documentNo()));
    return a;
  }

  /** The latest conclusion on record for the person, if any. */
  public @Nullable Appraisal latest(UUID person) {
    return jdbc.sql("select id, person_id, conclusion, document_no, decided_on from insurance.labour_appraisal"
            + " where person_id = ? order by decided_on desc, entered_at desc limit 1").param(person)
        .query((rs, i) -> new Appraisal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            Conclusion.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, LocalDate.class)))
        .optional().orElse(null);
  }
}
