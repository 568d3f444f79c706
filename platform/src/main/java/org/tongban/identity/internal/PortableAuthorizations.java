package org.tongban.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.Map;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionOperations;
import org.tongban.audit.AuditTrail;

/**
 * Issued codes and tokens in PostgreSQL. Before an authorization is stored, the signed-in person is
 * reduced to a plain user with their principal name and authorities (with factor times, for
 * {@code auth_time}): our principal types stay out of the stored JSON, and nothing about a person but
 * their name goes into it.
 *
 * <p>A refresh grant reads its authorization by the refresh token, and parsing the stored JSON was a quarter of the
 * grant's CPU (#18.4). What this node saved is kept with the row version its save made ({@code xmin}, read under the
 * row lock of the same transaction): a refresh reads only the row's id and version and uses the kept authorization
 * when the version is still the one it saved. Any later change to the row — a revocation, a refresh or sign-out on
 * another node — makes a new version, and the row is read and parsed as before. (Rows change only through this store,
 * or are deleted: a second write in the save's own transaction, which would keep its {@code xmin}, goes through here
 * too and replaces what is kept.)
 */
class PortableAuthorizations implements OAuth2AuthorizationService {

  static final int SAVED_CACHE_SIZE = 10_000;

  private record Saved(long version, OAuth2Authorization authorization) {}

  private final Store store;
  private final JdbcOperations jdbc;
  private final TransactionOperations transactions;
  /** Authorizations this node saved, by id, with the row version their save made. */
  private final Cache<String, Saved> saved = Caffeine.newBuilder().maximumSize(SAVED_CACHE_SIZE)
      .expireAfterWrite(Duration.ofHours(1)).build();
  private final AuditTrail audit;
  private final java.util.concurrent.atomic.AtomicLong lastPurge = new java.util.concurrent.atomic.AtomicLong();

  /**
   * The unit the person acted for when they authorised a client with the {@code unit} scope: "credit code TAB name",
   * taken from their session then (checked against their authorisation) and released in tokens as {@code acting_unit}.
   */
  static final String ACTING_UNIT = "tongban.acting-unit";

  private final org.springframework.beans.factory.ObjectProvider<org.tongban.unit.UnitAgents> agents;

  PortableAuthorizations(JdbcOperations jdbc, TransactionOperations transactions, RegisteredClientRepository clients,
                         AuditTrail audit, org.springframework.beans.factory.ObjectProvider<org.tongban.unit.UnitAgents> agents) {
    this.store = new Store(jdbc, clients);
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.audit = audit;
    this.agents = agents;
  }

  /** The unit the person in this request acts for, checked now; null without a request, a choice or a valid one. */
  private @org.jspecify.annotations.Nullable String actingUnitNow() {
    if (!(org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
        instanceof org.springframework.web.context.request.ServletRequestAttributes attributes)) {
      return null;
    }
    var session = attributes.getRequest().getSession(false);
    if (session == null || !(session.getAttribute(org.tongban.shared.ActingUnit.SESSION_KEY) instanceof UUID unit)) {
      return null;
    }
    try {
      var acting = agents.getObject().actingAs(unit);
      return acting.creditCode() + "\t" + acting.name();
    } catch (org.tongban.shared.Refusal ended) {
      return null;
    }
  }

  /**
   * Stores what a later request needs; a client-credentials authorization is not stored: its access token is
   * self-contained (ES256, answered by {@link ClientCredentialsIntrospection}), it has no refresh token, and no code
   * or person refers back to it.
   */
  @Override
  public void save(OAuth2Authorization authorization) {
    if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) return;
    if (authorization.getAttribute(ACTING_UNIT) == null && authorization.getAuthorizedScopes().contains("unit")) {
      var unit = actingUnitNow();
      if (unit != null) authorization = OAuth2Authorization.from(authorization).attribute(ACTING_UNIT, unit).build();
    }
    Object principal = authorization.getAttribute(Principal.class.getName());
    if (principal instanceof Authentication auth && auth.getPrincipal().getClass() != User.class) {
      var authorities = new ArrayList<GrantedAuthority>();
      for (GrantedAuthority a : auth.getAuthorities()) {
        authorities.add(a instanceof FactorGrantedAuthority f
            ? FactorGrantedAuthority.withAuthority(f.getAuthority()).issuedAt(f.getIssuedAt()).build()
            : new SimpleGrantedAuthority(a.getAuthority()));
      }
      // A plain User equals our principal types by username, so the session registry still finds the
      // person's session (OIDC logout and the ID token's sid need it).
      var portable = UsernamePasswordAuthenticationToken.authenticated(new User(auth.getName(), "", authorities),
          null, authorities);
      authorization = OAuth2Authorization.from(authorization)
          .attribute(Principal.class.getName(), portable).build();
    }
    var portable = authorization;
    transactions.executeWithoutResult(status -> {
      // Whether the row exists, and the refresh token it holds, in one light read: the store would otherwise read
      // and parse the whole stored authorization (its JSON) only to choose between insert and update.
      var before = jdbc.query("select refresh_token_value from public.oauth2_authorization where id = ?",
          (rs, i) -> java.util.Optional.ofNullable(rs.getString(1)), portable.getId());
      if (!before.isEmpty()) spendReplacedRefreshToken(portable, before.getFirst().orElse(null));
      store.save(portable, !before.isEmpty());
      // The row is locked by this transaction since the write: the version read here is the one it made.
      Long version = jdbc.queryForObject("select xmin::text::bigint from public.oauth2_authorization where id = ?",
          Long.class, portable.getId());
      if (version != null) saved.put(portable.getId(), new Saved(version, portable));
    });
  }

  /** A refresh grant replaced the refresh token {@code before}: the old one is remembered as spent. */
  private void spendReplacedRefreshToken(OAuth2Authorization authorization, @org.jspecify.annotations.Nullable String before) {
    var refresh = authorization.getRefreshToken();
    if (refresh == null || before == null || before.equals(refresh.getToken().getTokenValue())) return;
    // Spent tokens are kept 30 days (longer than any refresh token lives); the old ones go at most once an hour.
    long now = System.currentTimeMillis();
    long last = lastPurge.get();
    if (now - last > 3_600_000 && lastPurge.compareAndSet(last, now)) {
      jdbc.update("delete from identity.spent_refresh_token where spent_at < now() - interval '30 days'");
    }
    jdbc.update("insert into identity.spent_refresh_token (token_hash, authorization_id) values (?, ?)"
        + " on conflict do nothing", hash(before), authorization.getId());
  }

  /**
   * Spring Authorization Server's JDBC store, told by the caller whether the row exists: its {@code save} asks
   * {@code findById} only to choose insert or update, which reads and parses the whole stored authorization — a
   * third of the JSON work of a refresh grant.
   */
  private static final class Store extends JdbcOAuth2AuthorizationService {

    /** The authorization this thread is saving, and whether its row exists. */
    private record Saving(OAuth2Authorization authorization, boolean rowExists) {}

    private final ThreadLocal<Saving> saving = new ThreadLocal<>();

    Store(JdbcOperations jdbc, RegisteredClientRepository clients) {
      super(jdbc, clients);
    }

    void save(OAuth2Authorization authorization, boolean rowExists) {
      saving.set(new Saving(authorization, rowExists));
      try {
        save(authorization);
      } finally {
        saving.remove();
      }
    }

    @Override
    public OAuth2Authorization findById(String id) {
      var current = saving.get();
      if (current != null && current.authorization().getId().equals(id)) {
        // Asked by save(): any non-null answer means "update".
        saving.remove();
        return current.rowExists() ? current.authorization() : null;
      }
      return super.findById(id);
    }
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    store.remove(authorization);
    saved.invalidate(authorization.getId());
  }

  /** The authorization holding this refresh token as this node saved it, when the row is still that version. */
  private @org.jspecify.annotations.Nullable OAuth2Authorization savedHere(String refreshToken) {
    var rows = jdbc.query("select id, xmin::text::bigint from public.oauth2_authorization where refresh_token_value = ?",
        (rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)), refreshToken);
    if (rows.size() != 1) return null;
    var kept = saved.getIfPresent(rows.getFirst().getKey());
    return kept != null && kept.version() == rows.getFirst().getValue() ? kept.authorization() : null;
  }

  @Override
  public OAuth2Authorization findById(String id) {
    return store.findById(id);
  }

  /**
   * A spent refresh token presented again revokes the authorization it belonged to (the "family": the current
   * refresh and access tokens), and the attempt is audited; the caller gets {@code invalid_grant}.
   */
  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    if (OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
      var kept = savedHere(token);
      if (kept != null) return kept;
    }
    var found = store.findByToken(token, tokenType);
    if (found != null || (tokenType != null && !OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) return found;
    var family = jdbc.query("select authorization_id from identity.spent_refresh_token where token_hash = ?",
        (rs, i) -> rs.getString(1), (Object) hash(token));
    if (family.isEmpty()) return null;
    var authorization = store.findById(family.getFirst());
    if (authorization != null) {
      store.remove(authorization);
      audit.recordAs(authorization.getPrincipalName(), "identity.refresh-token-reused", null,
          Map.of("client", authorization.getRegisteredClientId(), "authorization", authorization.getId()));
    }
    return null;
  }

  private static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
