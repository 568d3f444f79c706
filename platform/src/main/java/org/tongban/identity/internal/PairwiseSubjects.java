package org.tongban.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Pairwise subject identifiers (OIDC Core §8.1): the same person gets a different, stable {@code sub} at
 * each client. The subject is an HMAC of client and username under a key only Tongban holds; the mapping is
 * recorded so that Tongban (never a client) can tell who a subject is.
 *
 * <p>Every token a person receives carries the subject, and a refresh issues two: the pairs this node has recorded
 * (mappings are never removed) are remembered, so a token costs neither the HMAC nor a statement again (#18.4).
 */
@Component
class PairwiseSubjects {

  private final JdbcClient jdbc;
  private final IdentityKeys keys;
  /** Subjects this node recorded, by client and username (a committed row stays). */
  private final Cache<String, String> recorded = Caffeine.newBuilder().maximumSize(50_000)
      .expireAfterAccess(Duration.ofHours(1)).build();

  PairwiseSubjects(JdbcClient jdbc, IdentityKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  String subject(String clientId, String username) {
    String pair = clientId + "\n" + username;
    String known = recorded.getIfPresent(pair);
    if (known != null) return known;
    String subject = keys.pairwiseSubject(clientId, username);
    jdbc.sql("insert into identity.pairwise_subject (client_id, username, subject) values (?, ?, ?)"
            + " on conflict do nothing")
        .params(clientId, username, subject).update();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          recorded.put(pair, subject);
        }
      });
    } else {
      recorded.put(pair, subject);
    }
    return subject;
  }
}
