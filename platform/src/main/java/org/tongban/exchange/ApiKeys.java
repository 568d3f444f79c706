package org.tongban.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tongban.access.Callers;
import org.tongban.audit.AuditTrail;
import org.tongban.shared.NodeSignal;
import org.tongban.shared.NodeSignals;

/**
 * API keys for heavy users of the open data (a newspaper's data desk, a university): administrators issue one with a
 * rate per minute and a contact, the key is shown once and only its SHA-256 is kept (it is 256 random bits: a slow
 * hash buys nothing), and a revoked key stops at once on every node: the revoking node empties its cache when the
 * revocation commits, and the others when its signal reaches them ({@link NodeSignals}).
 */
@Service
public class ApiKeys {

  public record Issued(UUID id, String key, String name, int perMinute) {}

  public record Key(UUID id, String name, String contact, int perMinute, java.time.Instant createdAt,
                    java.time.@Nullable Instant revokedAt) {}

  /** The rate of a key, as the open-data limits need it. */
  public record Limit(UUID id, int perMinute) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  static final String SIGNAL = "api-keys";

  private final JdbcClient jdbc;
  private final Callers callers;
  private final AuditTrail audit;
  private final com.github.benmanes.caffeine.cache.Cache<String, Optional<Limit>> cache =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000)
          .expireAfterWrite(Duration.ofMinutes(1)).build();

  private final NodeSignals signals;

  ApiKeys(JdbcClient jdbc, Callers callers, AuditTrail audit, NodeSignals signals) {
    this.signals = signals;
    this.jdbc = jdbc;
    this.callers = callers;
    this.audit = audit;
  }

  @Transactional
  public Issued issue(@Nullable String name, @Nullable String contact, @Nullable Integer perMinute) {
    requireAdmin();
    if (name == null || name.isBlank() || name.length() > 100) throw new ExchangeRefusals.Invalid("name");
    if (contact == null || contact.isBlank() || contact.length() > 200) throw new ExchangeRefusals.Invalid("contact");
    if (perMinute == null || perMinute < 1 || perMinute > 100_000) throw new ExchangeRefusals.Invalid("perMinute");
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String key = "tbk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    var id = UUID.randomUUID();
    jdbc.sql("insert into exchange.api_key (id, key_hash, name, contact, per_minute, created_by) values (?, ?, ?, ?, ?, ?)")
        .params(id, hash(key), name.strip(), contact.strip(), perMinute, callers.current().name()).update();
    audit.record("exchange.api-key-issued", "api-key", id.toString(), null,
        Map.of("name", name.strip(), "perMinute", String.valueOf(perMinute)));
    return new Issued(id, key, name.strip(), perMinute);
  }

  @Transactional
  public void revoke(UUID id) {
    requireAdmin();
    int n = jdbc.sql("update exchange.api_key set revoked_at = now() where id = ? and revoked_at is null").param(id)
        .update();
    if (n != 1) throw new ExchangeRefusals.SubscriptionNotFound(id.toString());
    signals.send(SIGNAL);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        cache.invalidateAll();
      }
    });
    audit.record("exchange.api-key-revoked", "api-key", id.toString(), null, Map.of());
  }

  /** Another node revoked a key (or this node may have missed a revocation). */
  @EventListener
  void on(NodeSignal signal) {
    if (signal.about(SIGNAL)) cache.invalidateAll();
  }

  public List<Key> list() {
    requireAdmin();
    return jdbc.sql("select id, name, contact, per_minute, created_at, revoked_at from exchange.api_key"
            + " order by created_at desc limit 500")
        .query((rs, i) -> new Key(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
            rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant())).list();
  }

  /** The limit of a presented key; empty when unknown or revoked. */
  public Optional<Limit> limit(String key) {
    if (key.length() > 100) return Optional.empty();
    return cache.get(hash(key), h -> jdbc.sql("select id, per_minute from exchange.api_key where key_hash = ?"
            + " and revoked_at is null").param(h)
        .query((rs, i) -> new Limit(rs.getObject(1, UUID.class), rs.getInt(2))).optional());
  }

  private void requireAdmin() {
    if (!callers.current().has("ADMIN")) throw new ExchangeRefusals.SubscriptionNotFound("api-key");
  }

  private static String hash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
