package org.tongban.identity;

import org.tongban.shared.PhoneNumber;

/**
 * Sends text messages. A province plugs in its SMS platform by defining a bean of this type; without one,
 * messages are written to the log and to the administrators' outbox page (embedded mode).
 */
public interface SmsGateway {

  /** Sends {@code text} to {@code to}; throws when the message cannot be handed over. */
  void send(PhoneNumber to, String text);
}
