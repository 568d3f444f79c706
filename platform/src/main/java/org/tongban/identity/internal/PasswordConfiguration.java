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
   * Argon2id with the parameters OWASP recommends (2024): 19 MiB memory, 2 iterations, parallelism 1,
   * 16-byte salt, 32-byte hash. Every stored hash carries its own parameters ({@code {argon2}$argon2id$v=19$m=…});
   * a hash made with weaker parameters is re-hashed with these at the holder's next successful sign-in
   * (see {@link StaffUserDetailsService#updatePassword}). To strengthen later, raise them here.
   */
  static final Argon2PasswordEncoder ARGON2 = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);

  @Bean
  PasswordEncoder passwordEncoder() {
    return new DelegatingPasswordEncoder("argon2", Map.of("argon2", ARGON2));
  }
}
