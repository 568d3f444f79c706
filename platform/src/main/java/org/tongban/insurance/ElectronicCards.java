package org.tongban.insurance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.shared.PlatformSignatures;
import org.tongban.insurance.InsuranceRefusals.CardNotUsable;
import org.tongban.insurance.InsuranceRefusals.ElectronicCardInvalid;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;

/**
 * 电子社保卡: a QR code holding a compact JWS (type {@code ecard+jwt}) signed with the platform's published key, naming
 * the holder only by a pairwise id of the sector {@value #SECTOR}, the card's city, and an expiry minutes away. A
 * venue verifies it offline against {@code /oauth2/jwks}; a window asks {@link #verify} as well, which also checks the
 * card is still usable and names the holder (masked). A screenshot stops verifying when it expires; a card reported
 * lost gives no new code.
 */
@Service
@Transactional(readOnly = true)
public class ElectronicCards {

  public static final String SECTOR = "ss-ecard";
  public static final String TYPE = "ecard+jwt";

  /** What a code is: the JWS to put in the QR, and when it stops verifying. */
  public record Code(String jws, Instant expiresAt) {}

  /** What a window learns from a code it verified: the holder (masked) and the card. */
  public record Holder(String name, String idNumberMasked, String cardMasked, Card.Status status, Instant expiresAt) {}

  private final Cards cards;
  private final Enrolments enrolments;
  private final PlatformSignatures signatures;
  private final Residents residents;
  private final InsuranceSettings settings;
  private final AuditTrail audit;

  ElectronicCards(Cards cards, Enrolments enrolments, PlatformSignatures signatures, Residents residents,
                  InsuranceSettings settings, AuditTrail audit) {
    this.cards = cards;
    this.enrolments = enrolments;
    this.signatures = signatures;
    this.residents = residents;
    this.settings = settings;
    this.audit = audit;
  }

  /** A fresh code for the signed-in holder of a usable card; refused while the card is lost, replaced or not activated. */
  @Transactional
  public Code show() {
    var me = enrolments.me();
    var card = cards.inForce(me.id().value()).orElseThrow(InsuranceRefusals.CardNotFound::new);
    if (!card.status().usable()) throw new CardNotUsable(card.status().name());
    var now = Instant.now();
    var expires = now.plus(settings.electronicCardValidity());
    var claims = new LinkedHashMap<String, Object>();
    claims.put("sub", signatures.pairwise(SECTOR, me.id().value().toString()));
    claims.put("city", card.city().value().substring(0, 4));
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", expires.getEpochSecond());
    claims.put("jti", UUID.randomUUID().toString().substring(0, 8));
    return new Code(signatures.sign(TYPE, claims), Instant.ofEpochSecond(expires.getEpochSecond()));
  }

  /** A window's check of a scanned code: signature, expiry, and the card's state now; audited. */
  @Transactional
  public Holder verify(String jws, String where) {
    var claims = signatures.verify(TYPE, jws == null ? "" : jws.strip()).orElseThrow(ElectronicCardInvalid::new);
    var person = signatures.resolve(SECTOR, String.valueOf(claims.get("sub"))).map(UUID::fromString)
        .orElseThrow(ElectronicCardInvalid::new);
    var card = cards.inForce(person).orElseThrow(ElectronicCardInvalid::new);
    audit.record(card.status().usable() ? "insurance.ecard-verified" : "insurance.ecard-refused", "person",
        person.toString(), card.city(), Map.of("where", where, "status", card.status().name()));
    if (!card.status().usable()) throw new CardNotUsable(card.status().name());
    var resident = residents.find(new PersonId(person)).orElseThrow(ElectronicCardInvalid::new);
    return new Holder(org.tongban.shared.PersonalName.masked(resident.name()),
        resident.idNumberMasked(), card.maskedNumber(), card.status(),
        Instant.ofEpochSecond(((Number) claims.get("exp")).longValue()));
  }
}
