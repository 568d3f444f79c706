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
import org.tongban.person.PersonId;
import org.tongban.person.Residents;
import org.tongban.shared.PhoneNumber;
import org.tongban.shared.Refusal;

/**
 * 坐席工作台: a 12333 agent takes a call. The incoming number finds the resident whose account has it, shown masked and
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

  AgentDesk(Callers callers, ResidentAccounts accounts, Residents residents, Jurisdiction jurisdiction,
            Conversations conversations, PersonalAnswers personal, AuditTrail audit) {
    this.callers = callers;
    this.accounts = accounts;
    this.residents = residents;
    this.jurisdiction = jurisdiction;
    this.conversations = conversations;
    this.personal = personal;
    this.audit = audit;
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
    return found.map(r -> new Caller(r.id().value(), mask(r.name()), r.idNumberMasked(), r.residenceRegion().value()));
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
    return conversations.record(question, Conversations.Channel.PHONE, person, mine, agent, recorded);
  }

  private String requireStaff() {
    var caller = callers.current();
    if (!caller.staff()) throw new InvalidCall("agent");
    return caller.name();
  }

  static String mask(String name) {
    return name.isEmpty() ? name : name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
  }

  /** A call that cannot be handled as typed: the number, the identity check, the caller, the notes. */
  public static final class InvalidCall extends Refusal {
    public InvalidCall(String field) {
      super("consultation.invalid-call", 400, field);
    }
  }
}
