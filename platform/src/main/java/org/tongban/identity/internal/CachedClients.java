package org.tongban.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tongban.shared.NodeSignal;
import org.tongban.shared.NodeSignals;

/**
 * Registered clients kept in memory: every token request looked its client up in PostgreSQL (and parsed its settings'
 * JSON) once or twice. A change — saved here, or a client removed ({@link #changed()}) — empties this node's copy when
 * its transaction commits and tells the other nodes through {@link NodeSignals}, so a rotated secret or a removed
 * client stops working at once everywhere. The ten-minute expiry only bounds what a lost signal could leave behind.
 */
class CachedClients implements RegisteredClientRepository {

  static final String SIGNAL = "identity.clients";
  private final RegisteredClientRepository store;
  private final NodeSignals signals;
  private final Cache<String, Optional<RegisteredClient>> byId = cache();
  private final Cache<String, Optional<RegisteredClient>> byClientId = cache();

  CachedClients(RegisteredClientRepository store, NodeSignals signals) {
    this.store = store;
    this.signals = signals;
  }

  private static Cache<String, Optional<RegisteredClient>> cache() {
    return Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(10)).build();
  }

  @Override
  public void save(RegisteredClient client) {
    store.save(client);
    changed();
  }

  @Override
  public @Nullable RegisteredClient findById(String id) {
    return byId.get(id, k -> Optional.ofNullable(store.findById(k))).orElse(null);
  }

  @Override
  public @Nullable RegisteredClient findByClientId(String clientId) {
    return byClientId.get(clientId, k -> Optional.ofNullable(store.findByClientId(k))).orElse(null);
  }

  /** A client was saved or removed: forgotten here after the commit, and on the other nodes. */
  void changed() {
    forget();
    signals.send(SIGNAL);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          forget(); // a read between the change and its commit may have cached the old row again
        }
      });
    }
  }

  /** Another node changed a client (or this node may have missed a change). */
  @EventListener
  void on(NodeSignal signal) {
    if (signal.about(SIGNAL)) forget();
  }

  private void forget() {
    byId.invalidateAll();
    byClientId.invalidateAll();
  }
}
