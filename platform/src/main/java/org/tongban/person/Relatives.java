package org.tongban.person;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.person.PersonRefusals.ImplausibleRelation;
import org.tongban.person.PersonRefusals.RelationConflict;
import org.tongban.person.PersonRefusals.RelativeNotFound;
import org.tongban.shared.IdNumber;
import org.tongban.shared.Relation;

/**
 * Family relations in the household registry (户籍): a person's children, parents and spouse. Residents apply for a
 * relative only where the registry records the relation; clerks record relations for the people within their reach.
 */
@Service
@Transactional(readOnly = true)
public class Relatives {

  /** The youngest a parent can be at a child's birth, as a plausibility check on what a clerk types. */
  private static final int PARENT_MIN_YEARS = 14;

  private final JdbcClient jdbc;
  private final Residents residents;
  private final Callers callers;
  private final AuditTrail audit;

  Relatives(JdbcClient jdbc, Residents residents, Callers callers, AuditTrail audit) {
    this.jdbc = jdbc;
    this.residents = residents;
    this.callers = callers;
    this.audit = audit;
  }

  /** A person's relatives, for the platform itself (a resident's own family on their pages, filing a case). */
  public List<Relative> of(PersonId person) {
    return jdbc.sql("select p." + Residents.COLUMNS.replace(", ", ", p.") + ", r.relation from person.relative r"
            + " join person.person p on p.id = r.relative_id where r.person_id = ? order by r.relation, p.birth_date")
        .param(person.value())
        .query((rs, i) -> new Relative(Residents.map(rs, i), Relation.valueOf(rs.getString("relation"))))
        .list();
  }

  /** How {@code relative} stands to {@code person} in the registry, if at all. */
  public Optional<Relation> relation(PersonId person, PersonId relative) {
    return jdbc.sql("select relation from person.relative where person_id = ? and relative_id = ?")
        .params(person.value(), relative.value()).query(String.class).optional().map(Relation::valueOf);
  }

  /** A person's relatives for staff whose jurisdiction covers the person. */
  public List<Relative> view(PersonId person) {
    residents.view(person);
    return of(person);
  }

  /**
   * Records that the resident with {@code relativeIdNumber} is {@code person}'s child, parent or spouse, both ways. The
   * clerk's capture jurisdiction must cover both people; someone outside it is "not found", like an unknown number.
   */
  @Transactional
  public Relative record(PersonId person, String relativeIdNumber, Relation relation) {
    var subject = residents.view(person);
    residents.requireCovered(subject, Purpose.CAPTURE);
    var relative = residents.lookup(new IdNumber(relativeIdNumber)).orElseThrow(RelativeNotFound::new);
    try {
      residents.requireCovered(relative, Purpose.CAPTURE);
    } catch (org.tongban.shared.Refusal outside) {
      throw new RelativeNotFound();
    }
    if (relative.id().equals(subject.id()) || !plausible(subject.birthDate(), relative.birthDate(), relation)) {
      throw new ImplausibleRelation();
    }
    var recorded = relation(subject.id(), relative.id());
    if (recorded.isPresent()) {
      if (recorded.get() != relation) throw new RelationConflict();
      return new Relative(relative, relation);
    }
    String by = callers.current().name();
    jdbc.sql("insert into person.relative (person_id, relative_id, relation, recorded_by) values (?, ?, ?, ?),"
            + " (?, ?, ?, ?) on conflict do nothing")
        .params(subject.id().value(), relative.id().value(), relation.name(), by,
            relative.id().value(), subject.id().value(), relation.inverse().name(), by)
        .update();
    audit.record("person.relative-recorded", "person", subject.id().toString(), subject.residenceRegion(),
        Map.of("relative", relative.idNumberMasked(), "relation", relation.name()));
    return new Relative(relative, relation);
  }

  private static boolean plausible(LocalDate person, LocalDate relative, Relation relation) {
    return switch (relation) {
      case CHILD -> !relative.isBefore(person.plusYears(PARENT_MIN_YEARS));
      case PARENT -> !person.isBefore(relative.plusYears(PARENT_MIN_YEARS));
      case SPOUSE -> true;
    };
  }
}
