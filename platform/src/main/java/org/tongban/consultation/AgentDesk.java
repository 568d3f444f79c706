package org.tongban.consultation;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.identity.ResidentAccounts;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.PersonId;
import org.tongban.person.Resident;
import org.tongban.shared.IdNumber;
import org.tongban.shared.RegionCode;
import org.tongban.person.Residents;
import org.tongban.shared.PhoneNumber;
import org.tongban.shared.Refusal;

/**
 * 坐席工作台: a 12333 agent takes a call; at a village or township station (便民服务站) the agent answers the resident at
 * the counter the same way, the conversation then a STATION one of the station's region. The incoming number finds the resident whose account has it, shown masked and
 * only within the agent's jurisdiction (each look-up audited); the agent answers from the same knowledge base, and
 * answers about the caller's own record only after recording how the caller's identity was checked; every call is a
 * PHONE conversation with the agent's name and notes, and a ticket for the caller is one click away.
 */
@Service
public class AgentDesk {

  /** The caller as the agent sees them: masked. */
  public record Caller(UUID person, String name, String idNumberMasked, String region) {}

  private final Callers callers;
  private final ResidentAccounts accounts;
  private final Residents residents;
  private final Jurisdiction jurisdiction;
  private final Conversations conversations;
  private final PersonalAnswers personal;
  private final AuditTrail audit;
  private final OrganisationDirectory organisations;

  AgentDesk(Callers callers, ResidentAccounts accounts, Residents residents, Jurisdiction jurisdiction,
            Conversations conversations, PersonalAnswers personal, AuditTrail audit, OrganisationDirectory organisations) {
    this.organisations = organisations;
    this.callers = callers;
    this.accounts = accounts;
    this.residents = residents;
    this.jurisdiction = jurisdiction;
    this.conversations = conversations;
    this.personal = personal;
    this.audit = audit;
  }

  /**
   * The resident at a station's counter by the ID card she shows, masked; empty when not registered or outside the
   * jurisdiction. Each look-up audited with the number masked.
   */
  public Optional<Caller> identifyInPerson(@Nullable String idNumber) {
    requireStaff();
    IdNumber number;
    try {
      number = new IdNumber(idNumber);
    } catch (RuntimeException invalid) {
      throw new InvalidCall("idNumber");
    }
    var found = residents.lookup(number).filter(r -> jurisdiction.allows(r.residenceRegion(), null, Purpose.VIEW));
    audit.record("consultation.resident-looked-up", "id-number", found.map(Resident::idNumberMasked).orElse("-"), null,
        Map.of("found", String.valueOf(found.isPresent())));
    return found.map(AgentDesk::masked);
  }

  /** The resident whose account has the incoming number, masked; empty when none, or outside the jurisdiction. */
  public Optional<Caller> identify(@Nullable String phone) {
    requireStaff();
    PhoneNumber number;
    try {
      number = new PhoneNumber(phone);
    } catch (RuntimeException invalid) {
      throw new InvalidCall("phone");
    }
    var found = accounts.personByPhone(number).flatMap(residents::find)
        .filter(r -> jurisdiction.allows(r.residenceRegion(), null, Purpose.VIEW));
    audit.record("consultation.caller-looked-up", "phone", number.masked(), null,
        Map.of("found", String.valueOf(found.isPresent())));
    return found.map(AgentDesk::masked);
  }

  private static Caller masked(Resident r) {
    return new Caller(r.id().value(), org.tongban.shared.PersonalName.masked(r.name()), r.idNumberMasked(), r.residenceRegion().value());
  }

  /**
   * Answers the caller's question and records the call. With {@code caller}, the agent must say how the identity was
   * checked (recorded with the call); only then is the caller's own record read.
   */
  @Transactional
  public Conversations.Reply answer(@Nullable String question, @Nullable UUID caller, @Nullable String identityCheck,
                                    @Nullable String notes) {
    var agent = requireStaff();
    if (notes != null && notes.length() > 2000) throw new InvalidCall("notes");
    UUID person = null;
    if (caller != null) {
      if (identityCheck == null || identityCheck.strip().length() < 4 || identityCheck.length() > 300) {
        throw new InvalidCall("identityCheck");
      }
      var resident = residents.find(new PersonId(caller))
          .filter(r -> jurisdiction.allows(r.residenceRegion(), null, Purpose.VIEW))
          .orElseThrow(() -> new InvalidCall("caller"));
      person = resident.id().value();
      audit.record("consultation.caller-checked", "person", person.toString(), resident.residenceRegion(),
          Map.of("check", identityCheck.strip()));
    }
    var mine = person == null ? null : personal.forCheckedCaller(Consultation.checked(question), person);
    String recorded = "核验：" + (identityCheck == null ? "未核验身份" : identityCheck.strip())
        + (notes == null || notes.isBlank() ? "" : "；" + notes.strip());
    var station = station();
    return conversations.record(question, station == null ? Conversations.Channel.PHONE : Conversations.Channel.STATION,
        person, station, mine, agent, recorded);
  }

  /** Whether the staff member answers at a station (the desk then finds residents by the ID card shown). */
  public boolean atStation() {
    return station() != null;
  }

  /**
   * The region of the staff member's station when they answer at one: a village station (便民服务站), or a service hall
   * of a township or street; null on the 12333 line.
   */
  @Nullable RegionCode station() {
    var office = callers.current().office();
    if (office == null) return null;
    return organisations.find(OfficeId.of(office))
        .filter(Office::isStation).map(Office::region).orElse(null);
  }

  private String requireStaff() {
    var caller = callers.current();
    if (!caller.staff()) throw new InvalidCall("agent");
    return caller.name();
  }


  /** A call that cannot be handled as typed: the number, the ID number, the identity check, the caller, the notes. */
  public static final class InvalidCall extends Refusal {
    public InvalidCall(String field) {
      super("consultation.invalid-call", 400, field);
    }
  }
}
