package org.tongban.identity.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.tongban.audit.AuditTrail;
import org.tongban.shared.KeyFile;
import org.tongban.shared.PlatformSettings;

/**
 * Self-service terminals (自助终端). Staff turn a device into a terminal of their office: it gets a cookie naming the
 * office, signed with a key of the platform, so that a resident cannot declare their own browser a terminal. On a
 * terminal the pages are large and simple, sign-in by phone and SMS code comes first, a session ends after three
 * minutes without use, and what is filed there is recorded as filed at a terminal (channel KIOSK).
 */
@Component
class KioskTerminals {

  static final String COOKIE = "kiosk";
  /** A terminal's session ends after this long without a request (the page warns and signs out a little earlier). */
  static final int IDLE_SECONDS = 180;

  private final byte[] key;
  private final AuditTrail audit;

  KioskTerminals(PlatformSettings settings, AuditTrail audit) {
    var keys = KeyFile.loadOrCreate(settings.dataDir().resolve("keys").resolve("kiosk.keys"), List.of("terminal"),
        "Tongban self-service terminal key (signs the terminal cookie); generated");
    this.key = Base64.getDecoder().decode(keys.getProperty("terminal"));
    this.audit = audit;
  }

  /** The cookie that makes this device a terminal of {@code office} (a year; staff turn it off again). */
  ResponseCookie enable(String office) {
    audit.record("identity.kiosk-enabled", "office", office, null, Map.of());
    return ResponseCookie.from(COOKIE, office + "." + sign(office)).path("/").maxAge(java.time.Duration.ofDays(365))
        .httpOnly(true).secure(true).sameSite("Strict").build();
  }

  ResponseCookie disable() {
    return ResponseCookie.from(COOKIE, "").path("/").maxAge(0).httpOnly(true).secure(true).sameSite("Strict").build();
  }

  /** The office whose terminal this request comes from, when the cookie is one we signed; otherwise null. */
  @Nullable String officeOf(HttpServletRequest request) {
    if (request.getCookies() == null) return null;
    for (Cookie c : request.getCookies()) {
      if (!COOKIE.equals(c.getName())) continue;
      int dot = c.getValue().lastIndexOf('.');
      if (dot <= 0) return null;
      String office = c.getValue().substring(0, dot);
      byte[] given = c.getValue().substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(given, sign(office).getBytes(StandardCharsets.US_ASCII)) ? office : null;
    }
    return null;
  }

  private String sign(String office) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          mac.doFinal(("kiosk:" + office).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
