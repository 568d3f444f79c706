package org.tongban.consultation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One record per contact, whichever channel it came through: the question with ID numbers masked, the channel and the
 * asker's region, what was shown (the passages, the items, a personal answer's kind) with its confidence, and later
 * the rating. The rating needs the token handed out with the answer, so only whoever asked can rate it, once.
 */
@Service
public class Conversations {

  /** Where a question came in. */
  public enum Channel { WEB, MOBILE, PHONE, KIOSK, STATION }

  /** The answer shown, the personal answer when the question was about the asker's own affairs, and how to rate. */
  public record Reply(UUID conversation, String ratingToken, Consultation.Answer answer,
                      PersonalAnswers.@Nullable Personal personal) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Consultation consultation;
  private final PersonalAnswers personal;
  private final Callers callers;
  private final Residents residents;
  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final org.tongban.consultation.internal.ConsultationFacts facts;

  Conversations(Consultation consultation, PersonalAnswers personal, Callers callers, Residents residents,
                JdbcClient jdbc, JsonMapper json, org.tongban.consultation.internal.ConsultationFacts facts) {
    this.facts = facts;
    this.consultation = consultation;
    this.personal = personal;
    this.callers = callers;
    this.residents = residents;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Answers and records the question of whoever asks (a resident, or anybody on the public page). */
  @Transactional
  public Reply ask(@Nullable String question, @Nullable Channel channel) {
    var caller = callers.current();
    Channel via = channel == null ? (caller.kiosk() != null ? Channel.KIOSK : Channel.WEB) : channel;
    UUID person = caller.resident() ? caller.person() : null;
    String checked = Consultation.checked(question);
    return record(checked, via, person, null, personal.answer(checked), null, null);
  }

  /**
   * Answers and records a question as {@code via} brought it: for {@code person} when known (a signed-in resident, or a
   * caller the 12333 agent has checked), with the agent's name and notes on a call; the region is the person's, else
   * {@code place} (the station where the question was asked).
   */
  Reply record(@Nullable String question, Channel via, @Nullable UUID person, @Nullable RegionCode place,
               PersonalAnswers.@Nullable Personal mine, @Nullable String agent, @Nullable String notes) {
    var answer = consultation.answer(question);
    String region = person == null ? (place == null ? null : place.value())
        : residents.find(new PersonId(person)).map(r -> r.residenceRegion().value()).orElse(null);
    var shown = new LinkedHashMap<String, Object>();
    shown.put("passages", answer.passages().stream().map(Consultation.Source::id).toList());
    shown.put("items", answer.items().stream().map(Consultation.ItemLink::code).toList());
    if (mine != null) shown.put("personal", mine.intent().name());
    String topic = answer.passages().isEmpty() ? null : answer.passages().getFirst().law();
    var id = UUID.randomUUID();
    byte[] raw = new byte[18];
    RANDOM.nextBytes(raw);
    String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    jdbc.sql("insert into consultation.conversation (id, channel, region_code, person_id, question, topic, shown,"
            + " confidence, offered_person, personal, rating_hash, agent, notes)"
            + " values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)")
        .params(id, via.name(), region, person, answer.question(), topic, json.writeValueAsString(shown),
            (float) answer.confidence(), answer.offerPerson() && mine == null, mine == null ? null : mine.intent().name(),
            hash(token), agent, notes == null ? null : Consultation.masked(notes))
        .update();
    if (region != null) facts.asked(RegionCode.of(region), answer.offerPerson() && mine == null);
    return new Reply(id, token, answer, mine);
  }

  /** The asker rates the answer, 1 (useless) to 5 (solved it), once, with the token they were given. */
  @Transactional
  public void rate(UUID conversation, @Nullable String token, int rating) {
    if (rating < 1 || rating > 5) throw new InvalidRating();
    var rated = jdbc.sql("update consultation.conversation set rating = ? where id = ? and rating_hash = ?"
            + " and rating is null returning region_code, created_at")
        .params(rating, conversation, token == null ? "" : hash(token))
        .query((rs, i) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()}).optional()
        .orElseThrow(InvalidRating::new);
    if (rated[0] != null) {
      facts.rated(RegionCode.of((String) rated[0]),
          java.time.YearMonth.from(((java.time.Instant) rated[1]).atZone(java.time.ZoneId.of("Asia/Shanghai"))), rating);
    }
  }

  /** What the record keeps of one conversation (for the tests and the analytics). */
  Map<String, Object> stored(UUID conversation) {
    return jdbc.sql("select question, channel, region_code, confidence, offered_person, rating, shown::text"
            + " from consultation.conversation where id = ?").param(conversation)
        .query((rs, i) -> {
          var m = new LinkedHashMap<String, Object>();
          m.put("question", rs.getString(1));
          m.put("channel", rs.getString(2));
          m.put("region", rs.getString(3));
          m.put("confidence", rs.getFloat(4));
          m.put("offeredPerson", rs.getBoolean(5));
          m.put("rating", rs.getObject(6));
          m.put("shown", rs.getString(7));
          return (Map<String, Object>) m;
        }).single();
  }

  private static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A rating out of 1–5, or for a conversation not found, already rated, or without its token. */
  public static final class InvalidRating extends Refusal {
    public InvalidRating() {
      super("consultation.invalid-rating", 400);
    }
  }
}
