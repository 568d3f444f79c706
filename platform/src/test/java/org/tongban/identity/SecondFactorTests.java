package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.passwordOnly;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.BrowserSession;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.identity.internal.Totp;
import org.tongban.shared.RegionCode;

/** Staff sign in with two factors: password, then a TOTP code from an enrolled authenticator app. */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class SecondFactorTests {

  @Autowired MockMvc mvc;
  @Autowired StaffAccounts accounts;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void totpMatchesTheRfc6238TestVectors() {
    byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    // RFC 6238 appendix B, SHA-1, last six of the eight digits.
    assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
    assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
    assertThat(Totp.fromBase32(Totp.base32(secret))).isEqualTo(secret);
  }

  @Test
  void staffWithoutTheSecondFactorCannotReachStaffPagesOrApi() throws Exception {
    var halfway = passwordOnly(clerkOf("210102"));
    mvc.perform(get("/residents").with(user(halfway)).accept(MediaType.TEXT_HTML))
        .andExpect(redirectedUrl("/login/second-factor"));
    mvc.perform(get("/api/residents").param("region", "210102").with(user(halfway)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("second-factor-required"));
    mvc.perform(get("/oauth2/authorize?response_type=code&client_id=x&scope=openid").with(user(halfway))
            .accept(MediaType.TEXT_HTML))
        .andExpect(redirectedUrl("/login/second-factor"));
    mvc.perform(get("/api/residents").param("region", "210102").with(user(clerkOf("210102"))))
        .andExpect(status().isOk());
  }

  @Test
  void enrolByQrCodeThenEveryCodeWorksOnceAndRecoveryCodesToo() throws Exception {
    String name = "clerk-totp-" + System.nanoTime() % 100000;
    accounts.create(new NewStaff(name, "双因素测试", null, EnumSet.of(Role.CLERK),
        Set.of(new Scope(RegionCode.of("210102"), Scope.ANY_DEPARTMENT, Purpose.SEARCH)), Set.of()), "Correct-horse-42");

    var session = signIn(name);
    var enrolPage = session.perform(get("/login/second-factor")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(enrolPage).contains("data:image/png;base64,").contains("totp-secret");
    byte[] secret = (byte[]) session.attribute("tongban.totp.pending");
    String wrong = Totp.code(secret, Totp.step(Instant.now()) + 5);
    session.perform(post("/login/second-factor/enrol").with(csrf()).param("code", wrong))
        .andExpect(status().isOk());
    session.perform(get("/residents").accept(MediaType.TEXT_HTML))
        .andExpect(redirectedUrl("/login/second-factor"));

    String now = Totp.code(secret, Totp.step(Instant.now()));
    var recoveryPage = session.perform(post("/login/second-factor/enrol").with(csrf()).param("code", now))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    List<String> codes = java.util.regex.Pattern.compile("[A-Z2-9]{5}-[A-Z2-9]{5}").matcher(recoveryPage).results()
        .map(java.util.regex.MatchResult::group).toList();
    assertThat(codes).hasSize(10);
    session.perform(get("/residents")).andExpect(status().isOk());

    // A new sign-in: the code just used is refused (replay); a recovery code works, once.
    var again = signIn(name);
    again.perform(post("/login/second-factor").with(csrf()).param("code", now)).andExpect(status().isOk());
    again.perform(get("/residents").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login/second-factor"));
    again.perform(post("/login/second-factor").with(csrf()).param("code", codes.get(3).toLowerCase()))
        .andExpect(status().is3xxRedirection());
    again.perform(get("/residents")).andExpect(status().isOk());

    var third = signIn(name);
    third.perform(post("/login/second-factor").with(csrf()).param("code", codes.get(3)))
        .andExpect(status().isOk());
    third.perform(get("/residents").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login/second-factor"));
  }

  @Test
  void wrongCodesAddUpAcrossPasswordSignInsAndLockTheAccount() throws Exception {
    String name = "clerk-guess-" + System.nanoTime() % 100000;
    accounts.create(new NewStaff(name, "猜码测试", null, EnumSet.of(Role.CLERK),
        Set.of(new Scope(RegionCode.of("210102"), Scope.ANY_DEPARTMENT, Purpose.SEARCH)), Set.of()), "Correct-horse-42");
    byte[] secret = enrol(name);
    // Four wrong codes, then a fresh password sign-in (which resets the password count, not this one) …
    var session = signIn(name);
    for (int i = 0; i < 4; i++) {
      session.perform(post("/login/second-factor").with(csrf()).param("code", "00000" + i))
          .andExpect(status().isOk());
    }
    session = signIn(name);
    // … and the fifth wrong code locks the account and ends the half-signed-in session.
    session.perform(post("/login/second-factor").with(csrf()).param("code", "000009"))
        .andExpect(redirectedUrl("/login?locked"));
    assertThat(session.isInvalid()).isTrue();
    // Locked: the password is refused, and so is the right code in a session that was already past the password.
    mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "Correct-horse-42"))
        .andExpect(redirectedUrl("/login?error"));
    assertThat(jdbc.sql("select factor_failures from identity.account where username = ?").param(name)
        .query(Integer.class).single()).isEqualTo(5);
  }

  @Test
  void aLockedAccountIsRefusedAtTheSecondStepEvenWithTheRightCode() throws Exception {
    String name = "clerk-locked-" + System.nanoTime() % 100000;
    accounts.create(new NewStaff(name, "锁定测试", null, EnumSet.of(Role.CLERK),
        Set.of(new Scope(RegionCode.of("210102"), Scope.ANY_DEPARTMENT, Purpose.SEARCH)), Set.of()), "Correct-horse-42");
    byte[] secret = enrol(name);
    var session = signIn(name);
    jdbc.sql("update identity.account set locked_until = now() + interval '15 minutes' where username = ?").param(name)
        .update();
    session.perform(post("/login/second-factor").with(csrf())
            .param("code", Totp.code(secret, Totp.step(Instant.now()) + 1)))
        .andExpect(redirectedUrl("/login?locked"));
    session.perform(get("/residents").accept(MediaType.TEXT_HTML))
        .andExpect(redirectedUrl("/login"));
  }

  @Test
  void twoHundredGuessesInOneSessionAreNotPossible() throws Exception {
    String name = "clerk-burst-" + System.nanoTime() % 100000;
    accounts.create(new NewStaff(name, "连猜测试", null, EnumSet.of(Role.CLERK),
        Set.of(new Scope(RegionCode.of("210102"), Scope.ANY_DEPARTMENT, Purpose.SEARCH)), Set.of()), "Correct-horse-42");
    byte[] secret = enrol(name);
    var session = signIn(name);
    int answered = 0;
    for (int i = 0; i < 200 && !session.isInvalid(); i++) {
      session.perform(post("/login/second-factor").with(csrf()).param("code", String.format("%06d", i)));
      answered++;
    }
    assertThat(answered).isLessThanOrEqualTo(5);
    var next = mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "Correct-horse-42"))
        .andReturn();
    assertThat(next.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    assertThat(secret).isNotEmpty();
  }

  /** Enrols an authenticator for a new account and returns its secret; the enrolment session is then left. */
  private byte[] enrol(String name) throws Exception {
    var session = signIn(name);
    session.perform(get("/login/second-factor")).andExpect(status().isOk());
    byte[] secret = (byte[]) session.attribute("tongban.totp.pending");
    session.perform(post("/login/second-factor/enrol").with(csrf())
        .param("code", Totp.code(secret, Totp.step(Instant.now())))).andExpect(status().isOk());
    return secret;
  }

  private BrowserSession signIn(String name) throws Exception {
    var session = BrowserSession.in(mvc);
    session.perform(post("/login").with(csrf()).param("username", name).param("password", "Correct-horse-42"))
        .andExpect(redirectedUrl("/login/second-factor"));
    return session;
  }
}
