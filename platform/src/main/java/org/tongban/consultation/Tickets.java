package org.tongban.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.identity.ResidentAccounts;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;
import org.tongban.shared.ResultPage;
import org.tongban.shared.WorkingDayCalendar;

/**
 * 工单: a question a person answers. A signed-in resident opens one for herself (from any channel, usually when the
 * knowledge base is not sure); it goes to the office of the competent department for her county — the department of
 * the item the answer pointed to, else the one for the law, else government services — and is due in
 * {@value #DUE_WORKING_DAYS} working days. The office replies (she gets a text), calls back and records her
 * satisfaction, or she rates it herself; an overdue ticket goes to the office a level up. Staff see and act on the
 * tickets of their jurisdiction and department only ("not found" elsewhere).
 */
@Service
@Transactional(readOnly = true)
public class Tickets {

  static final int DUE_WORKING_DAYS = 5;
  static final int ESCALATED_DUE_WORKING_DAYS = 3;
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String COLUMNS = "id, number, person_id, channel, question, department, region_code, office_id,"
      + " status, due_date, reply, replied_by, replied_at, callback_note, satisfaction, escalated_at, created_at, version";

  public enum Status { OPEN, ANSWERED, CLOSED }

  public record Ticket(UUID id, String number, UUID person, String channel, String question, String department,
                       RegionCode region, UUID office, Status status, LocalDate dueDate, @Nullable String reply,
                       @Nullable String repliedBy, @Nullable Instant repliedAt, @Nullable String callbackNote,
                       @Nullable Integer satisfaction, @Nullable Instant escalatedAt, Instant createdAt, int version) {
    public boolean overdue(LocalDate today) {
      return status == Status.OPEN && dueDate.isBefore(today);
    }
  }

  private final JdbcClient jdbc;
  private final Callers callers;
  private final Residents residents;
  private final OrganisationDirectory organisations;
  private final TicketRouting routing;
  private final Jurisdiction jurisdiction;
  private final ResidentAccounts accounts;
  private final AuditTrail audit;
  private final Consultation consultation;
  private final org.tongban.consultation.internal.ConsultationFacts facts;
  private final WorkingDayCalendar calendar = WorkingDayCalendar.official();

  Tickets(JdbcClient jdbc, Callers callers, Residents residents, OrganisationDirectory organisations,
          TicketRouting routing, Jurisdiction jurisdiction, ResidentAccounts accounts, AuditTrail audit,
          Consultation consultation, org.tongban.consultation.internal.ConsultationFacts facts) {
    this.consultation = consultation;
    this.facts = facts;
    this.jdbc = jdbc;
    this.callers = callers;
    this.residents = residents;
    this.organisations = organisations;
    this.routing = routing;
    this.jurisdiction = jurisdiction;
    this.accounts = accounts;
    this.audit = audit;
  }

  static LocalDate today() {
    return LocalDate.now(CHINA);
  }

  /**
   * The signed-in resident opens a ticket for herself about a conversation she had (its question and what it was
   * about), or about a question typed here. Refused for anybody not signed in as a registry person.
   */
  @Transactional
  public Ticket open(@Nullable UUID conversation, @Nullable String question) {
    var caller = callers.current();
    if (!caller.resident() || caller.person() == null) throw new SignInRequired();
    var person = residents.find(new PersonId(caller.person())).orElseThrow(SignInRequired::new);
    String text;
    String topic = null;
    String itemCode = null;
    String channel = caller.kiosk() != null ? "KIOSK" : "WEB";
    if (conversation != null) {
      var c = jdbc.sql("select question, topic, shown -> 'items' ->> 0, person_id from consultation.conversation"
              + " where id = ?").param(conversation)
          .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
          .optional().filter(r -> r[3] == null || r[3].equals(caller.person().toString()))
          .orElseThrow(() -> new TicketNotFound(conversation.toString()));
      text = c[0];
      topic = c[1];
      itemCode = c[2];
    } else {
      // Typed straight into a ticket: what the knowledge base finds for it says which department answers.
      var answer = consultation.answer(question);
      text = answer.question();
      topic = answer.passages().isEmpty() ? null : answer.passages().getFirst().law();
      itemCode = answer.items().isEmpty() ? null : answer.items().getFirst().code();
    }
    return create(person, text, topic, itemCode, channel, caller.name(), conversation);
  }

  /**
   * A 12333 agent (or a village agent at the station) opens a ticket for the resident of a conversation the agent
   * recorded after checking who it was; "not found" for another agent's conversation or one without a checked person.
   */
  @Transactional
  public Ticket openForCaller(UUID conversation) {
    var caller = callers.current();
    if (!caller.staff()) throw new TicketNotFound(conversation.toString());
    var c = jdbc.sql("select question, topic, shown -> 'items' ->> 0, person_id, channel from consultation.conversation"
            + " where id = ? and channel in ('PHONE', 'STATION') and agent = ? and person_id is not null")
        .params(conversation, caller.name())
        .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
            rs.getString(5)})
        .optional().orElseThrow(() -> new TicketNotFound(conversation.toString()));
    var person = residents.find(new PersonId((UUID) c[3])).orElseThrow(() -> new TicketNotFound(conversation.toString()));
    if (!jurisdiction.allows(person.residenceRegion(), null, Purpose.VIEW)) throw new TicketNotFound(conversation.toString());
    return create(person, (String) c[0], (String) c[1], (String) c[2], (String) c[4], caller.name(), conversation);
  }

  private Ticket create(org.tongban.person.Resident person, String text, @Nullable String topic,
                        @Nullable String itemCode, String channel, String createdBy, @Nullable UUID conversation) {
    String department = routing.department(itemCode, topic);
    var office = routing.competentOffice(department, person.residenceRegion())
        .or(() -> routing.competentOffice("government-services", person.residenceRegion()))
        .orElseThrow(NoOffice::new);
    var id = UUID.randomUUID();
    long n = jdbc.sql("select nextval('consultation.ticket_number')").query(Long.class).single();
    String number = "ZX" + today().toString().replace("-", "") + String.format("%06d", n % 1_000_000);
    var due = calendar.addWorkingDays(today(), DUE_WORKING_DAYS);
    jdbc.sql("insert into consultation.ticket (id, number, conversation_id, person_id, channel, question, department,"
            + " region_code, office_id, due_date, first_due, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, number, conversation, person.id().value(), channel, text, office.department(),
            person.residenceRegion().value(), office.id().value(), due, due, createdBy)
        .update();
    facts.ticketOpened(person.residenceRegion());
    audit.record("consultation.ticket-opened", "ticket", id.toString(), person.residenceRegion(),
        Map.of("department", office.department(), "office", office.id().toString()));
    return find(id).orElseThrow();
  }

  Optional<Ticket> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from consultation.ticket where id = ?").param(id).query(Tickets::map)
        .optional();
  }

  /** The signed-in resident's own tickets, newest first. */
  public List<Ticket> mine() {
    var caller = callers.current();
    if (caller.person() == null) return List.of();
    return jdbc.sql("select " + COLUMNS + " from consultation.ticket where person_id = ? order by created_at desc"
        + " limit 50").param(caller.person()).query(Tickets::map).list();
  }

  /** Open and answered tickets of the staff member's jurisdiction and department, the earliest due first. */
  public ResultPage<Ticket> queue(int page, int size) {
    if (page < 0 || size < 1 || size > 100) throw new InvalidTicket("page");
    var scope = jurisdiction.condition(Purpose.VIEW, "region_code", "department");
    var where = " where status <> 'CLOSED' and " + scope.sql();
    long total = jdbc.sql("select count(*) from consultation.ticket" + where).params(scope.parameters())
        .query(Long.class).single();
    var items = jdbc.sql("select " + COLUMNS + " from consultation.ticket" + where
            + " order by due_date, created_at limit ? offset ?")
        .params(scope.parameters()).param(size).param((long) page * size).query(Tickets::map).list();
    return new ResultPage<>(items, page, size, total);
  }

  /** One ticket for staff of its jurisdiction, or for the resident it belongs to; "not found" for anybody else. */
  public Ticket view(UUID id) {
    var t = find(id).orElseThrow(() -> new TicketNotFound(id.toString()));
    var caller = callers.current();
    if (caller.person() != null && caller.person().equals(t.person())) return t;
    if (!jurisdiction.allows(t.region(), t.department(), Purpose.VIEW)) throw new TicketNotFound(id.toString());
    return t;
  }

  /** The office replies; the resident gets a text. Only an open ticket, by staff of its jurisdiction. */
  @Transactional
  public Ticket reply(UUID id, @Nullable String text) {
    var t = lockForStaff(id);
    if (text == null || text.strip().length() < 2 || text.length() > 4000) throw new InvalidTicket("reply");
    if (t.status() != Status.OPEN) throw new TicketWrongState(t.status().name());
    int n = jdbc.sql("update consultation.ticket set status = 'ANSWERED', reply = ?, replied_by = ?, replied_at = now(),"
            + " version = version + 1 where id = ? and status = 'OPEN'")
        .params(text.strip(), callers.current().name(), id).update();
    if (n != 1) throw new TicketWrongState(t.status().name());
    var firstDue = jdbc.sql("select first_due from consultation.ticket where id = ?").param(id).query(LocalDate.class)
        .single();
    facts.ticketReplied(t.region(), opened(t), !today().isAfter(firstDue));
    audit.record("consultation.ticket-replied", "ticket", id.toString(), t.region(), Map.of());
    try {
      accounts.text(new PersonId(t.person()), "【通办】您的咨询工单 " + t.number() + " 已答复，请登录「通办」查看并评价。");
    } catch (RuntimeException e) {
      // the reply stands; the resident sees it on the page
    }
    return find(id).orElseThrow();
  }

  /** 回访: staff called the resident back after the reply and record what she said and how satisfied she is. */
  @Transactional
  public Ticket callback(UUID id, @Nullable String note, @Nullable Integer satisfaction) {
    var t = lockForStaff(id);
    if (note == null || note.strip().length() < 2 || note.length() > 1000) throw new InvalidTicket("note");
    if (satisfaction == null || satisfaction < 1 || satisfaction > 5) throw new InvalidTicket("satisfaction");
    if (t.status() != Status.ANSWERED) throw new TicketWrongState(t.status().name());
    int n = jdbc.sql("update consultation.ticket set status = 'CLOSED', callback_note = ?, called_back_at = now(),"
            + " satisfaction = ?, version = version + 1 where id = ? and status = 'ANSWERED'")
        .params(note.strip(), satisfaction, id).update();
    if (n != 1) throw new TicketWrongState(t.status().name());
    facts.ticketRated(t.region(), opened(t), satisfaction);
    audit.record("consultation.ticket-called-back", "ticket", id.toString(), t.region(),
        Map.of("satisfaction", String.valueOf(satisfaction)));
    return find(id).orElseThrow();
  }

  /** The resident rates the reply to her own ticket, which closes it. */
  @Transactional
  public Ticket rate(UUID id, @Nullable Integer satisfaction) {
    var caller = callers.current();
    var t = find(id).filter(x -> caller.person() != null && caller.person().equals(x.person()))
        .orElseThrow(() -> new TicketNotFound(id.toString()));
    if (satisfaction == null || satisfaction < 1 || satisfaction > 5) throw new InvalidTicket("satisfaction");
    int n = jdbc.sql("update consultation.ticket set status = 'CLOSED', satisfaction = ?, version = version + 1"
        + " where id = ? and status = 'ANSWERED'").params(satisfaction, id).update();
    if (n != 1) throw new TicketWrongState(t.status().name());
    facts.ticketRated(t.region(), opened(t), satisfaction);
    audit.record("consultation.ticket-rated", "ticket", id.toString(), t.region(),
        Map.of("satisfaction", String.valueOf(satisfaction)));
    return find(id).orElseThrow();
  }

  /**
   * 转办: the office hands an open ticket to another department (the question belongs there), whose office for the
   * resident's county (else city, else province) takes it with the same due date; the reason is kept in the audit.
   * Staff of the ticket's jurisdiction only; the department must exist and differ.
   */
  @Transactional
  public Ticket transfer(UUID id, @Nullable String department, @Nullable String reason) {
    var t = lockForStaff(id);
    if (t.status() != Status.OPEN) throw new TicketWrongState(t.status().name());
    if (department == null || department.equals(t.department())
        || organisations.departments().stream().noneMatch(d -> d.code().equals(department))) {
      throw new InvalidTicket("department");
    }
    if (reason == null || reason.strip().length() < 2 || reason.length() > 500) throw new InvalidTicket("reason");
    var office = routing.competentOffice(department, t.region()).orElseThrow(NoOffice::new);
    int n = jdbc.sql("update consultation.ticket set department = ?, office_id = ?, version = version + 1"
            + " where id = ? and status = 'OPEN' and department = ?")
        .params(department, office.id().value(), id, t.department()).update();
    if (n != 1) throw new TicketWrongState(t.status().name());
    audit.record("consultation.ticket-transferred", "ticket", id.toString(), t.region(),
        Map.of("from", t.department(), "to", department, "reason", reason.strip()));
    return find(id).orElseThrow();
  }

  /**
   * Open tickets past their due date go to the department's office a level up (county → city → province), due again
   * in {@value #ESCALATED_DUE_WORKING_DAYS} working days; once each. Returns how many moved. Run daily.
   */
  @Transactional
  public int escalateOverdue() {
    var overdue = jdbc.sql("select " + COLUMNS + " from consultation.ticket where status = 'OPEN' and due_date < ?"
        + " and escalated_at is null order by due_date limit 1000 for update skip locked").param(today())
        .query(Tickets::map).list();
    int moved = 0;
    for (var t : overdue) {
      var current = organisations.find(new org.tongban.organisation.OfficeId(t.office())).orElse(null);
      if (current == null) continue;
      var up = routing.higherOffice(t.department(), current.region());
      if (up.isEmpty()) continue;
      int n = jdbc.sql("update consultation.ticket set office_id = ?, escalated_at = now(), due_date = ?,"
              + " version = version + 1 where id = ? and status = 'OPEN' and escalated_at is null")
          .params(up.get().id().value(), calendar.addWorkingDays(today(), ESCALATED_DUE_WORKING_DAYS), t.id()).update();
      if (n == 1) {
        moved++;
        audit.record("consultation.ticket-escalated", "ticket", t.id().toString(), t.region(),
            Map.of("from", t.office().toString(), "to", up.get().id().toString()));
      }
    }
    return moved;
  }

  private static java.time.YearMonth opened(Ticket t) {
    return java.time.YearMonth.from(t.createdAt().atZone(CHINA));
  }

  private Ticket lockForStaff(UUID id) {
    var t = jdbc.sql("select " + COLUMNS + " from consultation.ticket where id = ? for update").param(id)
        .query(Tickets::map).optional().orElseThrow(() -> new TicketNotFound(id.toString()));
    if (!jurisdiction.allows(t.region(), t.department(), Purpose.CAPTURE)) throw new TicketNotFound(id.toString());
    return t;
  }

  static Ticket map(ResultSet rs, int i) throws SQLException {
    var replied = rs.getTimestamp("replied_at");
    var escalated = rs.getTimestamp("escalated_at");
    return new Ticket(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("person_id", UUID.class),
        rs.getString("channel"), rs.getString("question"), rs.getString("department"),
        RegionCode.of(rs.getString("region_code")), rs.getObject("office_id", UUID.class),
        Status.valueOf(rs.getString("status")), rs.getObject("due_date", LocalDate.class), rs.getString("reply"),
        rs.getString("replied_by"), replied == null ? null : replied.toInstant(), rs.getString("callback_note"),
        rs.getObject("satisfaction") instanceof Number s ? s.intValue() : null,
        escalated == null ? null : escalated.toInstant(), rs.getTimestamp("created_at").toInstant(),
        rs.getInt("version"));
  }

  public static final class SignInRequired extends Refusal {
    public SignInRequired() {
      super("consultation.sign-in-required", 401);
    }
  }

  public static final class TicketNotFound extends Refusal {
    public TicketNotFound(String id) {
      super("consultation.ticket-not-found", 404, id);
    }
  }

  public static final class TicketWrongState extends Refusal {
    public TicketWrongState(String status) {
      super("consultation.ticket-wrong-state", 409, status);
    }
  }

  public static final class InvalidTicket extends Refusal {
    public InvalidTicket(String field) {
      super("consultation.invalid-ticket", 400, field);
    }
  }

  /** No office of the department (nor of government services) exists for the resident's region. */
  public static final class NoOffice extends Refusal {
    public NoOffice() {
      super("consultation.no-office", 409);
    }
  }
}
