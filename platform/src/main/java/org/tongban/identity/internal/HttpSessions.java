package org.tongban.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.env.Environment;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * HTTP sessions in PostgreSQL (Spring Session JDBC, table {@code identity.http_session}): any node serves any
 * signed-in person, a session outlives the node that began it, and ending one (踢下线, signing out) ends it on every
 * node. The registry Spring Security and the authorization server consult (the ID token's {@code sid}, OIDC logout,
 * the online-users page) reads the same table.
 *
 * <p>Attributes — the security context with a person's name, an authenticator secret being enrolled — are sealed
 * with the identity key-encryption key (AES-GCM) before they are written: the table holds nothing readable, and a
 * row altered in the database fails its tag instead of reaching Java deserialization. Opening and deserializing the
 * security context was 5 % of a JSON request's CPU (#18.3): an attribute opened once is kept by its sealed bytes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class HttpSessions {

  private static final Logger log = LoggerFactory.getLogger(HttpSessions.class);
  static final String TABLE = "identity.http_session";
  private static final String PURPOSE = "http-session-attribute";
  /** Opened attributes kept per node: a few per active session. */
  static final int OPENED_CACHE_SIZE = 20_000;

  @Bean
  SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
    return registry(sessions);
  }

  private static <S extends Session> SessionRegistry registry(FindByIndexNameSessionRepository<S> sessions) {
    return new SpringSessionBackedSessionRegistry<>(sessions);
  }

  /**
   * The session cookie as {@code server.servlet.session.cookie.*} describes it (TONGBAN_SESSION, HttpOnly, Secure,
   * SameSite=Lax). Spring Boot applies those properties to Spring Session's cookie only with an embedded server, so
   * tests through MockMvc would see another cookie than browsers do.
   */
  @Bean
  CookieSerializer sessionCookie(Environment env) {
    var cookie = new DefaultCookieSerializer();
    cookie.setCookieName(env.getRequiredProperty("server.servlet.session.cookie.name"));
    cookie.setUseHttpOnlyCookie(env.getProperty("server.servlet.session.cookie.http-only", Boolean.class, true));
    cookie.setUseSecureCookie(env.getProperty("server.servlet.session.cookie.secure", Boolean.class, true));
    String sameSite = env.getProperty("server.servlet.session.cookie.same-site", "lax");
    cookie.setSameSite(sameSite.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + sameSite.substring(1));
    return cookie;
  }

  /**
   * The store the session filter and the registry use writes a session's last access at most once a minute
   * ({@link CoarseLastAccess}). Applied to the bean Spring Boot makes, so its settings (table, timeout, clean-up) stay
   * where Boot binds them.
   */
  @Bean
  static BeanPostProcessor coarseLastAccess() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof JdbcIndexedSessionRepository jdbc ? new CoarseLastAccess(jdbc) : bean;
      }
    };
  }

  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sealedSessionAttributes(IdentityKeys keys) {
    var serialize = new SerializingConverter();
    var deserialize = new DeserializingConverter(HttpSessions.class.getClassLoader());
    var conversions = new GenericConversionService();
    conversions.addConverter(Object.class, byte[].class, value -> keys.seal(PURPOSE, serialize.convert(value)));
    // Attributes opened lately, by their sealed bytes: a session's security context is read at every request and
    // changes only when it is written again (with a fresh nonce, so under other bytes). Sharing the object between
    // requests of one session is what a session kept in memory does; bytes altered in the database are other bytes
    // and are opened, and fail, as before.
    Cache<ByteBuffer, Object> opened = Caffeine.newBuilder().maximumSize(OPENED_CACHE_SIZE)
        .expireAfterAccess(Duration.ofMinutes(5)).build();
    conversions.addConverter(byte[].class, Object.class, sealed -> {
      var key = ByteBuffer.wrap(sealed);
      var known = opened.getIfPresent(key);
      if (known != null) return known;
      try {
        var value = deserialize.convert(keys.open(PURPOSE, sealed));
        if (value != null) opened.put(key, value);
        return value;
      } catch (RuntimeException unreadable) {
        // Altered in the database, or sealed with a key since replaced: the attribute is gone (a security context
        // gone means signed out), never a failed request for the browser that holds the cookie.
        log.warn("A session attribute could not be opened and is ignored: {}", unreadable.toString());
        return null;
      }
    });
    return repository -> repository.setConversionService(conversions);
  }
}
