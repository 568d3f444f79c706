package org.tongban.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes for client secrets. Tongban generates them (256 random bits), so a single SHA-256 is as strong as
 * any slow hash: nobody can guess a 256-bit value. Argon2id is for people's passwords; spending 19 MiB and
 * tens of milliseconds on every system-to-system token request bought nothing (measured: 30 grants/s
 * instead of hundreds). Secrets stored with Argon2id ({argon2}) are still accepted.
 */
final class ClientSecrets {

  private ClientSecrets() {}

  /**
   * A secret stored in any other form ({noop} plain text, or no prefix at all) never matches: the client is told
   * invalid_client (401), as for a wrong secret, instead of the server failing on an encoding it does not know.
   */
  static PasswordEncoder encoder() {
    var encoder = new DelegatingPasswordEncoder("sha256", Map.of("sha256", new Sha256(), "argon2",
        PasswordConfiguration.ARGON2));
    encoder.setDefaultPasswordEncoderForMatches(new NeverMatches());
    return encoder;
  }

  private static final class NeverMatches implements PasswordEncoder {

    @Override
    public String encode(CharSequence raw) {
      throw new UnsupportedOperationException("only for stored secrets of an unknown form");
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      return false;
    }
  }

  private static final class Sha256 implements PasswordEncoder {

    @Override
    public String encode(CharSequence raw) {
      return hex(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      return encoded != null && MessageDigest.isEqual(hex(raw).getBytes(StandardCharsets.US_ASCII),
          encoded.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hex(CharSequence raw) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(raw.toString().getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
