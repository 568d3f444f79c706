package org.tongban.identity.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Every client's refresh tokens rotate on use (OAuth 2.0 Security BCP §4.14): whatever a client was registered
 * with, a refresh grant issues a new refresh token and the old one is spent ({@link PortableAuthorizations} then
 * revokes the whole authorization when a spent one comes back).
 */
class RotatingRefreshTokens implements RegisteredClientRepository {

  private final RegisteredClientRepository store;

  RotatingRefreshTokens(RegisteredClientRepository store) {
    this.store = store;
  }

  @Override
  public void save(RegisteredClient client) {
    store.save(client);
  }

  @Override
  public @Nullable RegisteredClient findById(String id) {
    return rotating(store.findById(id));
  }

  @Override
  public @Nullable RegisteredClient findByClientId(String clientId) {
    return rotating(store.findByClientId(clientId));
  }

  private static @Nullable RegisteredClient rotating(@Nullable RegisteredClient client) {
    if (client == null || !client.getTokenSettings().isReuseRefreshTokens()) return client;
    return RegisteredClient.from(client).tokenSettings(TokenSettings.withSettings(client.getTokenSettings().getSettings())
        .reuseRefreshTokens(false).build()).build();
  }
}
