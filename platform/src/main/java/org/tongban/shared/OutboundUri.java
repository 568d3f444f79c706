package org.tongban.shared;

import java.net.URI;

/**
 * Where the platform may send people or data: an absolute https address, or plain http on loopback only (a test's or
 * a developer's machine); never with user information or a fragment.
 */
public final class OutboundUri {

  private OutboundUri() {}

  /** The address as typed when it qualifies; {@link IllegalArgumentException} otherwise. */
  public static URI httpsOrLoopback(String typed) {
    var u = URI.create(typed.strip());
    boolean loopback = "http".equals(u.getScheme())
        && ("127.0.0.1".equals(u.getHost()) || "localhost".equals(u.getHost()) || "[::1]".equals(u.getHost()));
    if (!u.isAbsolute() || !("https".equals(u.getScheme()) || loopback) || u.getHost() == null
        || u.getFragment() != null || u.getUserInfo() != null) {
      throw new IllegalArgumentException("not an https (or loopback) address");
    }
    return u;
  }
}
