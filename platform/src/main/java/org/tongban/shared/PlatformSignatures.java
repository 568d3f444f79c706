package org.tongban.shared;

import java.util.Map;
import java.util.Optional;

/**
 * Things the platform signs for others to check without asking it: compact JWS (RS256) with the same key that signs
 * its tokens, named by {@code kid} and published at {@code /oauth2/jwks}, so a window or a venue verifies offline; and
 * pairwise pseudonyms, stable per sector, that only the platform can resolve back.
 */
public interface PlatformSignatures {

  /** The claims signed with the active key; {@code type} goes into the {@code typ} header. */
  String sign(String type, Map<String, Object> claims);

  /**
   * The claims signed as a high-volume message (the data exchange): ES256 with the active message key, published in
   * the same JWK set; about seven times cheaper to sign than {@link #sign}.
   */
  String signMessage(String type, Map<String, Object> claims);

  /** The claims when the signature holds under a published key, the type matches and {@code exp} has not passed. */
  Optional<Map<String, Object>> verify(String type, String compact);

  /** A stable pseudonym of {@code localId} within {@code sector}, recorded so the platform can resolve it. */
  String pairwise(String sector, String localId);

  /** Who a pseudonym of {@code sector} stands for. */
  Optional<String> resolve(String sector, String subject);
}
