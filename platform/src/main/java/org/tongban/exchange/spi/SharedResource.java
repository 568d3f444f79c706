package org.tongban.exchange.spi;

import java.util.Optional;

/**
 * A module's shared resource: the descriptor, and the records its changes share. The exchange calls
 * {@link #record} while the module's own transaction is still open, and writes the result to its outbox in that
 * transaction: a change that rolls back shares nothing, one that commits is never lost.
 *
 * @param <E> the module's event that marks a change of the resource
 */
public interface SharedResource<E> {

  ResourceDescriptor descriptor();

  Class<E> event();

  /** The record as the change left it; empty when this change is not shared (a generated record, say). */
  Optional<SharedRecord> record(E event);
}
