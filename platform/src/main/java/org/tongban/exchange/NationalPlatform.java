package org.tongban.exchange;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A national platform the province exchanges with (全国统一社会保险公共服务平台, the national government-service
 * platform): changes go up as the signed messages of the province's subscriptions, and the platform's own changes come
 * down. One implementation speaks the JSON-over-HTTPS format of {@code docs/national-exchange.md}; another national
 * system would be another implementation of this interface.
 */
public interface NationalPlatform {

  /** One change going up: its number in the subscription, the idempotency key, and the message as signed here. */
  record Outgoing(long seq, String id, String resource, String key, String region, String occurredAt, String jws) {}

  /** A change the national platform refused, with its code and message (shown to staff, never silently dropped). */
  record Rejection(long seq, String code, String message) {}

  record Answer(List<Long> accepted, List<Rejection> rejected) {}

  /** One change coming down, with the national platform's own id (it is stored once). */
  record Incoming(String id, String resource, String key, String region, String occurredAt, Map<String, Object> fields) {}

  record Page(List<Incoming> changes, @Nullable String next) {}

  /** Sends changes in order; throws {@link Unavailable} when the platform cannot take them now (retried later). */
  Answer send(String sender, List<Outgoing> changes);

  /** The platform's changes for {@code sender} after {@code after} (null: from the start). */
  Page changes(String sender, @Nullable String after);

  /** The national platform did not answer, or answered with an error for the whole request. */
  final class Unavailable extends RuntimeException {
    public Unavailable(String message) {
      super(message);
    }
  }
}
