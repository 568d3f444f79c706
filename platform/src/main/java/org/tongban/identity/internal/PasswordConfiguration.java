package org.tongban.identity.internal;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing and method security; needed with or without a web server. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class PasswordConfiguration {

  /**
   * Argon2id with Spring Security 5.8 defaults (16-byte salt, 32-byte hash, parallelism 1, 16 MiB memory,
   * 2 iterations); stored hashes carry the {@code {argon2}} prefix and their own parameters, so stronger
   * parameters can be introduced later without invalidating old hashes.
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    var argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
  }
}
