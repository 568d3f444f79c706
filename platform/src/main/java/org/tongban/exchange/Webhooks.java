package org.tongban.exchange;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Where pushes may go: the administrators register an origin per subscriber (https, or plain http on loopback only);
 * a subscription's webhook must lie under it. No userinfo, no fragment: the platform never posts where a request
 * alone says.
 */
final class Webhooks {

  private Webhooks() {}

  /** The origin as typed, checked: scheme://host[:port], nothing after it. */
  static String origin(String typed) {
    var u = parse(typed.strip());
    if (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/")) {
      throw new ExchangeRefusals.Invalid("webhookOrigin");
    }
    if (u.getQuery() != null) throw new ExchangeRefusals.Invalid("webhookOrigin");
    return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
  }

  /** The webhook, when it lies under {@code origin}. */
  static String under(@Nullable String origin, String typed) {
    if (origin == null) throw new ExchangeRefusals.BeyondJurisdiction("webhook");
    var u = parse(typed.strip());
    String own = u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
    if (!own.equals(origin) || typed.length() > 500) throw new ExchangeRefusals.BeyondJurisdiction("webhook");
    return u.toString();
  }

  private static URI parse(String typed) {
    try {
      return org.tongban.shared.OutboundUri.httpsOrLoopback(typed);
    } catch (IllegalArgumentException e) {
      throw new ExchangeRefusals.Invalid("webhook");
    }
  }
}
