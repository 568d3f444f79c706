package org.tongban.exchange;

import org.tongban.shared.Refusal;

/** Named refusals of the exchange, each with a clerk's message in messages.properties. */
public final class ExchangeRefusals {

  private ExchangeRefusals() {}

  public static final class UnknownResource extends Refusal {
    public UnknownResource(String code) {
      super("exchange.unknown-resource", 404, code);
    }
  }

  /** A resource that is 不予共享: listed, never subscribed. */
  public static final class NotShared extends Refusal {
    public NotShared(String code) {
      super("exchange.not-shared", 409, code);
    }
  }

  /** The client is not a registered subscriber (a department system the administrators entered). */
  public static final class NotASubscriber extends Refusal {
    public NotASubscriber() {
      super("exchange.not-a-subscriber", 403);
    }
  }

  /** A subscription for regions outside the subscriber's jurisdiction, or for fields above what it may receive. */
  public static final class BeyondJurisdiction extends Refusal {
    public BeyondJurisdiction(String what) {
      super("exchange.beyond-jurisdiction", 403, what);
    }
  }

  public static final class SubscriptionNotFound extends Refusal {
    public SubscriptionNotFound(String id) {
      super("exchange.subscription-not-found", 404, id);
    }
  }

  public static final class WrongState extends Refusal {
    public WrongState(String status) {
      super("exchange.wrong-state", 409, status);
    }
  }

  /** A value that cannot be taken as typed; names the field. */
  public static final class Invalid extends Refusal {
    public Invalid(String field) {
      super("exchange.invalid", 400, field);
    }
  }

  /** An acknowledgement of messages not yet delivered. */
  public static final class AcknowledgedAhead extends Refusal {
    public AcknowledgedAhead(long upTo, long delivered) {
      super("exchange.acknowledged-ahead", 409, upTo, delivered);
    }
  }

  /** A cursor before the oldest message kept: those were acknowledged and removed after the retention period. */
  public static final class BeyondRetention extends Refusal {
    public BeyondRetention(long after, long purged) {
      super("exchange.beyond-retention", 410, after, purged);
    }
  }
}
