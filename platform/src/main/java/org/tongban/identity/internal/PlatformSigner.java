package org.tongban.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.shared.PlatformSignatures;

/** {@link PlatformSignatures} with the token-signing keys of {@link SigningKeys} and the pairwise key. */
@Component
class PlatformSigner implements PlatformSignatures {

  private final SigningKeys keys;
  private final PairwiseSubjects pairwise;
  private final JdbcClient jdbc;

  PlatformSigner(SigningKeys keys, PairwiseSubjects pairwise, JdbcClient jdbc) {
    this.keys = keys;
    this.pairwise = pairwise;
    this.jdbc = jdbc;
  }

  @Override
  public String sign(String type, Map<String, Object> claims) {
    String kid = keys.activeKeyId();
    var key = (RSAKey) keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null).getFirst();
    var jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(new JOSEObjectType(type)).build(),
        new Payload(claims));
    try {
      jws.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign", e);
    }
    return jws.serialize();
  }

  @Override
  public String signMessage(String type, Map<String, Object> claims) {
    var key = keys.messageKey();
    var jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
        .type(new JOSEObjectType(type)).build(), new Payload(claims));
    try {
      jws.sign(new com.nimbusds.jose.crypto.ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign", e);
    }
    return jws.serialize();
  }

  @Override
  public Optional<Map<String, Object>> verify(String type, String compact) {
    try {
      var jws = JWSObject.parse(compact);
      if (!JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm()) || jws.getHeader().getType() == null
          || !type.equals(jws.getHeader().getType().getType()) || jws.getHeader().getKeyID() == null) {
        return Optional.empty();
      }
      var found = keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(jws.getHeader().getKeyID()).build()), null);
      if (found.isEmpty() || !jws.verify(new RSASSAVerifier(((RSAKey) found.getFirst()).toRSAPublicKey()))) {
        return Optional.empty();
      }
      var claims = jws.getPayload().toJSONObject();
      if (!(claims.get("exp") instanceof Number exp) || Instant.ofEpochSecond(exp.longValue()).isBefore(Instant.now())) {
        return Optional.empty();
      }
      return Optional.of(claims);
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public String pairwise(String sector, String localId) {
    return pairwise.subject(sector, localId);
  }

  @Override
  public Optional<String> resolve(String sector, String subject) {
    return jdbc.sql("select username from identity.pairwise_subject where client_id = ? and subject = ?")
        .params(sector, subject).query(String.class).optional();
  }
}
