package org.tongban.identity.internal;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;

/**
 * Token-signing keys kept in PostgreSQL, so every node and every restart signs with the same key and
 * publishes the same JWK set: an RSA key (RS256, ID tokens and tokens issued for a person, which every OpenID client
 * accepts) and a P-256 key (ES256, the access tokens systems get with client credentials: a tenth of RSA's signing
 * cost, at the volume systems ask). {@link #rotate()} starts signing with new keys and keeps the old ones in the
 * JWK set until {@code keyPublishedAfterRetirement} has passed, so tokens they signed still verify.
 * Tokens name the key that signed them ({@code kid}); the signer always picks the active key of its algorithm.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

  private final JdbcClient jdbc;
  private final IdentityKeys secrets;
  private final IdentitySettings settings;
  private final AuditTrail audit;
  private volatile Loaded loaded;
  private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

  private record Loaded(String activeKid, String activeEcKid, JWKSet published, JWKSet tokenKeys,
                        List<String> tokenKeyIds, ECKey messageKey, Instant at) {}

  SigningKeys(JdbcClient jdbc, IdentityKeys secrets, IdentitySettings settings, AuditTrail audit,
              org.springframework.transaction.PlatformTransactionManager transactions) {
    // A first key is created and committed on its own, whatever transaction the caller is in: created inside the
    // caller's, it stayed invisible to the other threads signing in parallel for that caller (the exchange signs a
    // batch on all cores), which then created theirs and waited on the unique index for a commit that waited on them.
    this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(
        org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.settings = settings;
    this.audit = audit;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    return selector.select(current().published());
  }

  /** The key id new RS256 tokens are signed with. */
  public String activeKeyId() {
    return current().activeKid();
  }

  /** The key id new ES256 tokens (client credentials) are signed with. */
  public String activeEcKeyId() {
    return current().activeEcKid();
  }

  /**
   * Ids of the published token-signing keys: the active RSA key first, then retired RSA keys still published, then
   * the P-256 keys in the same order.
   */
  public List<String> publishedKeyIds() {
    return current().tokenKeyIds();
  }

  /**
   * The token-signing keys alone, for verifying tokens: the message key is left out, so a signed exchange message can
   * never pass for an access token.
   */
  JWKSource<SecurityContext> tokenKeys() {
    return (selector, context) -> selector.select(current().tokenKeys());
  }

  /**
   * The active ES256 key for high-volume messages (the data exchange), with its private half; published in the same
   * JWK set after the token-signing keys.
   */
  ECKey messageKey() {
    return current().messageKey();
  }

  /** Starts signing with a fresh key; the previous key stays published for the configured period. */
  @Transactional
  public String rotate() {
    var now = Instant.now();
    jdbc.sql("update identity.signing_key set retired_at = ?, published_until = ? where retired_at is null")
        .params(Timestamp.from(now), Timestamp.from(now.plus(settings.keyPublishedAfterRetirement()))).update();
    String kid = create("RS256");
    create("ES256");
    audit.record("identity.signing-key-rotated", "signing-key", kid, null, Map.of());
    loaded = null;
    return kid;
  }

  private Loaded current() {
    var l = loaded;
    // Reload at least every minute, so that a rotation on another node shows up here.
    if (l == null || l.at().isBefore(Instant.now().minusSeconds(60))) {
      l = load();
      loaded = l;
    }
    return l;
  }

  private synchronized Loaded load() {
    var fresh = loaded;
    if (fresh != null && fresh.at().isAfter(Instant.now().minusSeconds(60))) return fresh;
    for (String algorithm : List.of("RS256", "ES256")) {
      try {
        ownTransaction.executeWithoutResult(tx -> {
          if (!jdbc.sql("select exists(select 1 from identity.signing_key where retired_at is null and algorithm = ?)")
              .param(algorithm).query(Boolean.class).single()) {
            create(algorithm);
          }
        });
      } catch (org.springframework.dao.DuplicateKeyException raced) {
        // Another node created the first key of this algorithm at the same moment; use theirs.
      }
    }
    record Row(String kid, String algorithm, byte[] publicKey, byte[] privateCipher, boolean active) {}
    List<Row> rows = jdbc.sql("""
            select kid, algorithm, public_key, private_cipher, retired_at is null from identity.signing_key
            where retired_at is null or published_until > now()
            order by algorithm desc, retired_at nulls first, created_at desc""")
        .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4), rs.getBoolean(5)))
        .list();
    var keys = new ArrayList<JWK>();
    String active = null;
    String activeEc = null;
    try {
      for (Row row : rows) {
        var publicKey = KeyFactory.getInstance(row.algorithm().equals("ES256") ? "EC" : "RSA")
            .generatePublic(new X509EncodedKeySpec(row.publicKey()));
        var privateKey = row.active() ? KeyFactory.getInstance(row.algorithm().equals("ES256") ? "EC" : "RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(secrets.open("identity.signing_key", row.privateCipher()))) : null;
        if (row.algorithm().equals("ES256")) {
          var builder = new ECKey.Builder(Curve.P_256, (ECPublicKey) publicKey).keyID(row.kid())
              .keyUse(KeyUse.SIGNATURE).algorithm(com.nimbusds.jose.JWSAlgorithm.ES256);
          if (privateKey != null) {
            builder.privateKey((ECPrivateKey) privateKey);
            activeEc = row.kid();
          }
          keys.add(builder.build());
        } else {
          var builder = new RSAKey.Builder((RSAPublicKey) publicKey).keyID(row.kid()).keyUse(KeyUse.SIGNATURE)
              .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256);
          if (privateKey != null) {
            builder.privateKey((RSAPrivateKey) privateKey);
            active = row.kid();
          }
          keys.add(builder.build());
        }
      }
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read signing keys", e);
    }
    if (active == null || activeEc == null) throw new IllegalStateException("No active signing key");
    var tokenKeyIds = keys.stream().map(JWK::getKeyID).toList();
    var tokenKeys = new JWKSet(List.copyOf(keys));
    var message = messageKey(keys);
    return new Loaded(active, activeEc, new JWKSet(keys), tokenKeys, tokenKeyIds, message, Instant.now());
  }

  /** Adds the message key's public half to {@code keys} and returns it whole; creates the first one when none. */
  private ECKey messageKey(List<JWK> keys) {
    try {
      ownTransaction.executeWithoutResult(tx -> {
        if (jdbc.sql("select exists(select 1 from identity.message_key where retired_at is null)").query(Boolean.class)
            .single()) {
          return;
        }
        try {
          var generator = KeyPairGenerator.getInstance("EC");
          generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
          var pair = generator.generateKeyPair();
          jdbc.sql("insert into identity.message_key (kid, public_key, private_cipher) values (?, ?, ?)")
              .params("msg-" + UUID.randomUUID(), pair.getPublic().getEncoded(),
                  secrets.seal("identity.message_key", pair.getPrivate().getEncoded())).update();
        } catch (java.security.GeneralSecurityException e) {
          throw new IllegalStateException(e);
        }
      });
    } catch (org.springframework.dao.DuplicateKeyException raced) {
      // Another node created it at the same moment; use theirs.
    }
    var row = jdbc.sql("select kid, public_key, private_cipher from identity.message_key where retired_at is null")
        .query((rs, i) -> new Object[] {rs.getString(1), rs.getBytes(2), rs.getBytes(3)}).single();
    try {
      var factory = KeyFactory.getInstance("EC");
      var publicKey = (java.security.interfaces.ECPublicKey) factory.generatePublic(new X509EncodedKeySpec((byte[]) row[1]));
      var privateKey = (java.security.interfaces.ECPrivateKey) factory.generatePrivate(
          new PKCS8EncodedKeySpec(secrets.open("identity.message_key", (byte[]) row[2])));
      var whole = new ECKey.Builder(Curve.P_256, publicKey).privateKey(privateKey).keyID((String) row[0])
          .keyUse(KeyUse.SIGNATURE).algorithm(com.nimbusds.jose.JWSAlgorithm.ES256).build();
      keys.add(whole.toPublicJWK());
      return whole;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read the message key", e);
    }
  }

  private String create(String algorithm) {
    try {
      var generator = KeyPairGenerator.getInstance(algorithm.equals("ES256") ? "EC" : "RSA");
      if (algorithm.equals("ES256")) {
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
      } else {
        generator.initialize(2048);
      }
      var pair = generator.generateKeyPair();
      String kid = (algorithm.equals("ES256") ? "ec-" : "") + UUID.randomUUID();
      jdbc.sql("insert into identity.signing_key (kid, algorithm, public_key, private_cipher) values (?, ?, ?, ?)")
          .params(kid, algorithm, pair.getPublic().getEncoded(),
              secrets.seal("identity.signing_key", pair.getPrivate().getEncoded()))
          .update();
      return kid;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
