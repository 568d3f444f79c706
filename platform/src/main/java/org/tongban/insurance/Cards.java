package org.tongban.insurance;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.casework.CaseDecided;
import org.tongban.casework.CaseQueries;
import org.tongban.insurance.InsuranceRefusals.CardNotFound;
import org.tongban.insurance.InsuranceRefusals.CardNotUsable;
import org.tongban.insurance.InsuranceRefusals.CardWrongState;
import org.tongban.insurance.InsuranceRefusals.IdentityCheckRequired;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/**
 * The social security card through its life (社会保险经办条例 art. 7; 社会保险法 art. 58): issued when a 申领 case is
 * approved, activated by the holder, stopped at once by a temporary loss report from the web, a phone agent or a window
 * (lapsing after the configured days unless made formal), ended by a formal loss, replaced through a 补换 case, and
 * cancelled (注销) by the agency. Every change is a guarded update on the state it starts from; every use checks the
 * state as it stands now.
 */
@Service
@Transactional(readOnly = true)
public class Cards {

  static final String APPLICATION_ITEM = "hrss.ss-card-application";
  static final String REPLACEMENT_ITEM = "hrss.ss-card-replacement";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Where a loss report came from. */
  public enum Channel { WEB, PHONE, WINDOW }

  private final JdbcClient jdbc;
  private final CaseQueries cases;
  private final Enrolments enrolments;
  private final Jurisdiction jurisdiction;
  private final InsuranceSettings settings;
  private final org.tongban.access.Callers callers;
  private final org.tongban.person.Residents residents;
  private final AuditTrail audit;

  Cards(JdbcClient jdbc, CaseQueries cases, Enrolments enrolments, Jurisdiction jurisdiction, InsuranceSettings settings,
        org.tongban.access.Callers callers, org.tongban.person.Residents residents, AuditTrail audit) {
    this.callers = callers;
    this.residents = residents;
    this.jdbc = jdbc;
    this.cases = cases;
    this.enrolments = enrolments;
    this.jurisdiction = jurisdiction;
    this.settings = settings;
    this.audit = audit;
  }

  /** An approved 申领 or 补换 case of the person's own issues the card, in the decision's transaction, once per case. */
  @EventListener
  @Transactional
  public void on(CaseDecided decided) {
    if (!decided.approved() || !(APPLICATION_ITEM.equals(decided.item()) || REPLACEMENT_ITEM.equals(decided.item()))) return;
    var file = cases.find(decided.id()).orElseThrow();
    if (file.subject() != null || file.unit() != null) return;
    UUID person = file.applicant().value();
    enrolments.lockPerson(person);
    var current = inForce(person);
    if (APPLICATION_ITEM.equals(decided.item()) && current.isPresent()) return; // one card in force: nothing to issue
    var id = UUID.randomUUID();
    if (REPLACEMENT_ITEM.equals(decided.item())) {
      var old = jdbc.sql("select " + COLUMNS + " from insurance.card where person_id = ? and status in ('ISSUED',"
              + " 'ACTIVE', 'TEMP_LOST', 'LOST') order by issued_at desc limit 1 for update")
          .param(person).query(this::map).optional();
      if (old.isEmpty()) return; // nothing to replace: 申领 is the way
      // The old card leaves the "in force" slot before the new one takes it.
      if (jdbc.sql("update insurance.card set status = 'REPLACED', lost_until = null, ended_at = now(), replaced_by = ?,"
          + " version = version + 1 where id = ? and status in ('ISSUED', 'ACTIVE', 'TEMP_LOST', 'LOST')")
          .params(id, old.get().id()).update() != 1) {
        throw new IllegalStateException("card changed under a lock");
      }
    }
    var city = decided.competentRegion().atLevel(RegionLevel.CITY);
    jdbc.sql("insert into insurance.card (id, person_id, number, city_code, status, case_id) values (?, ?, ?, ?, 'ISSUED', ?)")
        .params(id, person, newNumber(), (city == null ? decided.competentRegion() : city).value(), decided.id().value())
        .update();
    audit.record("insurance.card-issued", "person", person.toString(), decided.competentRegion(),
        Map.of("card", id.toString(), "case", decided.id().toString(), "item", decided.item()));
  }

  /** The signed-in resident's cards, newest first, with their state as it stands now. */
  public List<Card> mine() {
    return of(enrolments.me().id().value());
  }

  public List<Card> of(UUID person) {
    return jdbc.sql("select " + COLUMNS + " from insurance.card where person_id = ? order by issued_at desc")
        .param(person).query(this::map).list();
  }

  /** The person's card in force (issued, active or temporarily lost), if any. */
  public Optional<Card> inForce(UUID person) {
    return jdbc.sql("select " + COLUMNS + " from insurance.card where person_id = ? and status in ('ISSUED', 'ACTIVE',"
        + " 'TEMP_LOST')").param(person).query(this::map).optional();
  }

  /** 启用: the holder activates the card in hand. */
  @Transactional
  public Card activate() {
    var card = myCard();
    if (jdbc.sql("update insurance.card set status = 'ACTIVE', activated_at = now(), lost_until = null,"
        + " version = version + 1 where id = ? and (status = 'ISSUED' or (status = 'TEMP_LOST' and lost_until <= now()"
        + " and activated_at is null))").param(card.id()).update() != 1) {
      throw new CardWrongState(card.status().name());
    }
    audit.record("insurance.card-activated", "person", card.person().toString(), card.city(), Map.of("card", card.id().toString()));
    return find(card.id());
  }

  /** 临时挂失 by the holder online: takes effect at once. */
  @Transactional
  public Card reportLostOnline() {
    return temporaryLoss(myCard(), Channel.WEB, "online", null);
  }

  /**
   * 临时挂失 for a caller on the 12333 line or a person at a window: staff of the agency covering the card's city, with
   * the identity check they made in words (recorded with the report).
   */
  @Transactional
  public Card reportLostFor(UUID person, Channel channel, @Nullable String identityCheck) {
    if (channel == Channel.WEB) throw new CardWrongState("WEB");
    if (identityCheck == null || identityCheck.strip().length() < 4 || identityCheck.length() > 300) {
      throw new IdentityCheckRequired();
    }
    var card = inForce(person).orElseThrow(CardNotFound::new);
    // The city's agency (and the 12333 line above it), or the window of the county where the holder lives.
    var residence = residents.find(new org.tongban.person.PersonId(person)).map(r -> r.residenceRegion()).orElse(null);
    if (!jurisdiction.allows(card.city(), InsuranceParameters.DEPARTMENT, Purpose.CAPTURE)
        && (residence == null || !jurisdiction.allows(residence, InsuranceParameters.DEPARTMENT, Purpose.CAPTURE))) {
      throw new CardNotFound();
    }
    return temporaryLoss(card, channel, callers.current().name(), identityCheck.strip());
  }

  private Card temporaryLoss(Card card, Channel channel, String by, @Nullable String identityCheck) {
    var until = Instant.now().plus(Duration.ofDays(settings.temporaryLossDays()));
    // From issued or active, or a lapsed temporary loss (which reads as active).
    if (jdbc.sql("update insurance.card set status = 'TEMP_LOST', lost_at = now(), lost_until = ?, lost_channel = ?,"
        + " lost_by = ?, identity_check = ?, version = version + 1 where id = ? and (status in ('ISSUED', 'ACTIVE')"
        + " or (status = 'TEMP_LOST' and lost_until <= now()))")
        .params(Timestamp.from(until), channel.name(), by, identityCheck, card.id()).update() != 1) {
      throw new CardWrongState(card.status().name());
    }
    audit.record("insurance.card-lost-temporarily", "person", card.person().toString(), card.city(),
        Map.of("card", card.id().toString(), "channel", channel.name(), "until", until.toString()));
    return find(card.id());
  }

  /** 解除临时挂失: the holder found the card. */
  @Transactional
  public Card found() {
    var card = myCard();
    if (jdbc.sql("update insurance.card set status = case when activated_at is null then 'ISSUED' else 'ACTIVE' end,"
        + " lost_until = null, version = version + 1 where id = ? and status = 'TEMP_LOST' and lost_until > now()")
        .param(card.id()).update() != 1) {
      throw new CardWrongState(card.status().name());
    }
    audit.record("insurance.card-found", "person", card.person().toString(), card.city(), Map.of("card", card.id().toString()));
    return find(card.id());
  }

  /** 正式挂失 by the holder: the card ends for good; a 补换 case gives a new one. */
  @Transactional
  public Card reportLostFormally() {
    var card = myCard();
    if (jdbc.sql("update insurance.card set status = 'LOST', lost_at = coalesce(lost_at, now()), lost_until = null,"
        + " ended_at = now(), version = version + 1 where id = ? and status in ('ISSUED', 'ACTIVE', 'TEMP_LOST')")
        .param(card.id()).update() != 1) {
      throw new CardWrongState(card.status().name());
    }
    audit.record("insurance.card-lost", "person", card.person().toString(), card.city(), Map.of("card", card.id().toString()));
    return find(card.id());
  }

  /** 注销 by the agency (death, leaving the scheme): staff covering the card's city, with the reason. */
  @Transactional
  public Card cancel(UUID person, @Nullable String reason) {
    if (reason == null || reason.strip().length() < 2 || reason.length() > 300) throw new IdentityCheckRequired();
    var card = inForce(person).orElseThrow(CardNotFound::new);
    jurisdiction.require(card.city(), InsuranceParameters.DEPARTMENT, Purpose.CAPTURE, "card");
    if (jdbc.sql("update insurance.card set status = 'CANCELLED', lost_until = null, ended_at = now(),"
        + " version = version + 1 where id = ? and status in ('ISSUED', 'ACTIVE', 'TEMP_LOST')").param(card.id()).update() != 1) {
      throw new CardWrongState(card.status().name());
    }
    audit.record("insurance.card-cancelled", "person", person.toString(), card.city(),
        Map.of("card", card.id().toString(), "reason", reason.strip()));
    return find(card.id());
  }

  /** Where a card is presented (a window, a venue, a pharmacy): usable, or refused naming its state; audited. */
  @Transactional
  public Card use(String number, String where) {
    var card = jdbc.sql("select " + COLUMNS + " from insurance.card where number = ?").param(number.strip().toUpperCase())
        .query(this::map).optional().orElseThrow(CardNotFound::new);
    audit.record(card.status().usable() ? "insurance.card-used" : "insurance.card-refused", "person",
        card.person().toString(), card.city(), Map.of("card", card.id().toString(), "where", where,
            "status", card.status().name()));
    if (!card.status().usable()) throw new CardNotUsable(card.status().name());
    return card;
  }

  Card find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from insurance.card where id = ?").param(id).query(this::map).single();
  }

  private Card myCard() {
    return inForce(enrolments.me().id().value()).orElseThrow(CardNotFound::new);
  }

  /** Two letters of the city and ten digits: not derived from the person. */
  private static String newNumber() {
    var digits = new StringBuilder("LN");
    for (int i = 0; i < 10; i++) digits.append(RANDOM.nextInt(10));
    return digits.toString();
  }

  private static final String COLUMNS = "id, person_id, number, city_code, status, issued_at, activated_at, lost_at,"
      + " lost_until, lost_channel";

  private Card map(ResultSet rs, int i) throws SQLException {
    var status = Card.Status.valueOf(rs.getString("status"));
    var until = rs.getTimestamp("lost_until");
    if (status == Card.Status.TEMP_LOST && until != null && !until.toInstant().isAfter(Instant.now())) {
      // The temporary loss lapsed: the card works again.
      status = rs.getTimestamp("activated_at") == null ? Card.Status.ISSUED : Card.Status.ACTIVE;
    }
    var activated = rs.getTimestamp("activated_at");
    var lost = rs.getTimestamp("lost_at");
    return new Card(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), rs.getString("number"),
        RegionCode.of(rs.getString("city_code")), status, rs.getTimestamp("issued_at").toInstant(),
        activated == null ? null : activated.toInstant(), lost == null ? null : lost.toInstant(),
        until == null ? null : until.toInstant(), rs.getString("lost_channel"));
  }
}
