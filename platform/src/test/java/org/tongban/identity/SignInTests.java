package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.audit.AuditQuery;
import org.tongban.audit.AuditTrail;
import org.tongban.shared.RegionCode;

@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class SignInTests {

  @Autowired MockMvc mvc;
  @Autowired StaffAccounts accounts;
  @Autowired PasswordEncoder passwords;
  @Autowired JdbcClient jdbc;
  @Autowired AuditTrail audit;

  /** Where this run keeps it: target/test-data, or the external-PostgreSQL run's own data directory. */
  @org.springframework.beans.factory.annotation.Value("${tongban.identity.first-admin-file}") Path file;

  @Test
  void firstAdministratorHasAGeneratedPasswordShownOnceInAPrivateFile() throws Exception {
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    String password = Files.readAllLines(file).get(1).substring("password: ".length());
    assertThat(password).hasSize(20);
    String hash = jdbc.sql("select password_hash from identity.account where username = 'admin'").query(String.class).single();
    assertThat(hash).startsWith("{argon2}$argon2id$");
    assertThat(passwords.matches(password, hash)).isTrue();
    for (String guess : new String[] {"admin", "admin123", "123456", "password", "changeme", "tongban"}) {
      assertThat(passwords.matches(guess, hash)).isFalse();
    }
    mvc.perform(post("/login").with(csrf()).param("username", "admin").param("password", password))
        .andExpect(redirectedUrl("/login/second-factor"));
  }

  @Test
  void signInsAndFailuresAreLoggedWithTheClientAddress() throws Exception {
    var name = "clerk-log-" + System.nanoTime() % 100000;
    accounts.create(staff(name), "Correct-horse-42");
    mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "wrong-password-1")
            .with(r -> { r.setRemoteAddr("10.1.2.3"); return r; }))
        .andExpect(redirectedUrl("/login?error"));
    mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "Correct-horse-42"))
        .andExpect(redirectedUrl("/login/second-factor"));
    var log = audit.search(new AuditQuery(name, "login.", null, null, null, null), 0, 10).items();
    assertThat(log).extracting(e -> e.action()).containsExactly("login.succeeded", "login.failed");
    assertThat(log.get(1).ip()).isEqualTo("10.1.2.3");
  }

  @Test
  void aSignInForgetsEarlierFailuresAndWritesNothingWhenThereWereNone() throws Exception {
    var name = "clerk-reset-" + System.nanoTime() % 100000;
    accounts.create(staff(name), "Correct-horse-42");
    mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "wrong-password-1"))
        .andExpect(redirectedUrl("/login?error"));
    assertThat(failures(name)).isEqualTo(1);
    mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "Correct-horse-42"))
        .andExpect(redirectedUrl("/login/second-factor"));
    assertThat(failures(name)).isZero();
    // Nothing left to forget: the next sign-in leaves the row as it is (no new version, no row lock to queue on).
    String version = jdbc.sql("select xmin::text from identity.account where username = ?").param(name)
        .query(String.class).single();
    mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "Correct-horse-42"))
        .andExpect(redirectedUrl("/login/second-factor"));
    assertThat(jdbc.sql("select xmin::text from identity.account where username = ?").param(name)
        .query(String.class).single()).isEqualTo(version);
  }

  private int failures(String name) {
    return jdbc.sql("select failed_attempts from identity.account where username = ?").param(name)
        .query(Integer.class).single();
  }

  @Test
  void repeatedFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
    var name = "clerk-lock-" + System.nanoTime() % 100000;
    accounts.create(staff(name), "Correct-horse-42");
    for (int i = 0; i < 5; i++) {
      mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "guess-" + i))
          .andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "Correct-horse-42"))
        .andExpect(redirectedUrl("/login?error"));
    var locked = jdbc.sql("select locked_until > now() from identity.account where username = ?").param(name)
        .query(Boolean.class).single();
    assertThat(locked).isTrue();
  }

  @Test
  void tooManyTriesForOneAccountAreAnsweredTooManyRequestsWithRetryAfter() throws Exception {
    var name = "clerk-burst-" + System.nanoTime() % 100000;
    for (int i = 0; i < 10; i++) {
      mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "guess-" + i))
          .andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "guess-10"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"));
  }

  @Test
  void aHashWithOlderParametersIsUpgradedAtTheNextSignIn() throws Exception {
    var name = "clerk-upgrade-" + System.nanoTime() % 100000;
    accounts.create(staff(name), "Correct-horse-42");
    var older = new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 16_384, 2);
    jdbc.sql("update identity.account set password_hash = ? where username = ?")
        .params("{argon2}" + older.encode("Correct-horse-42"), name).update();
    mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "Correct-horse-42"))
        .andExpect(redirectedUrl("/login/second-factor"));
    String hash = jdbc.sql("select password_hash from identity.account where username = ?").param(name)
        .query(String.class).single();
    assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(passwords.matches("Correct-horse-42", hash)).isTrue();
  }

  @Test
  void weakPasswordsAndBadUsernamesAreRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create(staff("clerk-weak"), "short1"))
        .isInstanceOf(StaffAccounts.InvalidAccount.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create(staff("Bad Name"), "Correct-horse-42"))
        .isInstanceOf(StaffAccounts.InvalidAccount.class);
  }

  @Test
  void staffPagesNeedSignInAndTheRightRole() throws Exception {
    mvc.perform(get("/residents").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/audit").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/regions")).andExpect(status().isOk());
  }

  private static NewStaff staff(String username) {
    return new NewStaff(username, "测试窗口人员", null, EnumSet.of(Role.CLERK),
        Set.of(new Scope(RegionCode.of("210102"), Scope.ANY_DEPARTMENT, Purpose.CAPTURE)), Set.of());
  }
}
