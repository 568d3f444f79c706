package org.tongban.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Pairwise subject identifiers (OIDC Core §8.1): the same person gets a different, stable {@code sub} at
 * each client. The subject is an HMAC of client and username under a key only Tongban holds; the mapping is
 * recorded so that Tongban (never a client) can tell who a subject is.
 */
@Component
class PairwiseSubjects {

  private final JdbcClient jdbc;
  private final IdentityKeys keys;

  PairwiseSubjects(JdbcClient jdbc, IdentityKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  String subject(String clientId, String username) {
    String subject = keys.pairwiseSubject(clientId, username);
    jdbc.sql("insert into identity.pairwise_subject (client_id, username, subject) values (?, ?, ?)"
            + " on conflict do nothing")
        .params(clientId, username, subject).update();
    return subject;
  }
}
