package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.StaffFixtures;

/**
 * A password an administrator has seen is replaced by its owner before any staff page or API answers: the generated
 * password marks the account, pages send its owner to the change page, the API refuses with a problem; the change
 * needs the current password and a new, different one, and clears the mark.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class PasswordChangeTests {

  @Autowired StaffAccounts accounts;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired org.tongban.audit.AuditTrail audit;

  @Test
  void aGeneratedPasswordMustBeReplacedByItsOwner() {
    String username = "pw-change-" + (System.nanoTime() % 1_000_000);
    String generated = accounts.createWithGeneratedPassword(new NewStaff(username, "改密测试", null,
        EnumSet.of(Role.CLERK), Set.of(), Set.of()));
    assertThat(accounts.passwordChangeRequired(username)).isTrue();

    assertThatThrownBy(() -> accounts.changePassword(username, "Not-the-password-1", "Brand-new-pass-2026"))
        .isInstanceOf(StaffAccounts.WrongPassword.class);
    assertThatThrownBy(() -> accounts.changePassword(username, generated, generated))
        .isInstanceOf(StaffAccounts.InvalidAccount.class).hasMessageContaining("password-unchanged");
    assertThatThrownBy(() -> accounts.changePassword(username, generated, "short1"))
        .isInstanceOf(StaffAccounts.InvalidAccount.class);
    assertThat(accounts.passwordChangeRequired(username)).isTrue();

    accounts.changePassword(username, generated, "Brand-new-pass-2026");
    assertThat(accounts.passwordChangeRequired(username)).isFalse();
    audit.flush();
    assertThat(jdbc.sql("select count(*) from audit.entry where action = 'staff.password-changed' and target_id = ?")
        .param(username).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void untilThenPagesLeadToTheChangePageAndTheApiRefuses() throws Exception {
    var mustChange = StaffFixtures.clerkOf("210102", "PASSWORD_CHANGE_REQUIRED");
    mvc.perform(get("/workbench").with(user(mustChange))).andExpect(redirectedUrl("/account/password"));
    mvc.perform(get("/api/offices").with(user(mustChange))).andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("password-change-required"));
    mvc.perform(get("/account/password").with(user(mustChange))).andExpect(status().isOk());

    var done = StaffFixtures.clerkOf("210102");
    var after = mvc.perform(get("/residents").with(user(done))).andReturn().getResponse();
    assertThat(after.getStatus()).isEqualTo(200);
    assertThat(after.getRedirectedUrl()).isNull();
  }
}
