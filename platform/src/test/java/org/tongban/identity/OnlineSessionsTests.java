package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
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
import org.tongban.audit.AuditQuery;
import org.tongban.audit.AuditTrail;
import org.tongban.identity.internal.Totp;
import org.tongban.shared.RegionCode;

/** The administrators' online-users page: see who is signed in, end a session (踢下线). */
@SpringBootTest(properties = "tongban.identity.absolute-session-timeout=PT12H")
@AutoConfigureMockMvc
@Tag("persistence")
class OnlineSessionsTests {

  @Autowired MockMvc mvc;
  @Autowired StaffAccounts accounts;
  @Autowired AuditTrail audit;

  private BrowserSession signedIn(String name, EnumSet<Role> roles) throws Exception {
    accounts.create(new NewStaff(name, "会话测试 " + name, null, roles,
        Set.of(new Scope(RegionCode.of("210102"), Scope.ANY_DEPARTMENT, Purpose.SEARCH)), Set.of()), "Correct-horse-42");
    var session = BrowserSession.in(mvc);
    session.perform(post("/login").with(csrf()).param("username", name).param("password", "Correct-horse-42"));
    session.perform(get("/login/second-factor")).andExpect(status().isOk());
    byte[] secret = (byte[]) session.attribute("tongban.totp.pending");
    secrets.put(name, secret);
    session.perform(post("/login/second-factor/enrol").with(csrf())
        .param("code", Totp.code(secret, Totp.step(Instant.now())))).andExpect(status().isOk());
    return session;
  }

  private final java.util.Map<String, byte[]> secrets = new java.util.HashMap<>();

  /** The same person on another device: password and the authenticator's next code. */
  private BrowserSession againOnAnotherDevice(String name, String password) throws Exception {
    var session = BrowserSession.in(mvc);
    session.perform(post("/login").with(csrf()).param("username", name).param("password", password));
    session.perform(post("/login/second-factor").with(csrf())
        .param("code", Totp.code(secrets.get(name), Totp.step(Instant.now()) + 1))).andExpect(status().is3xxRedirection());
    return session;
  }

  @Test
  void changingHerPasswordEndsHerOtherSessionsAndSigningOutEverywhereEndsAll() throws Exception {
    String name = "clerk-devices-" + System.nanoTime() % 100000;
    var desk = signedIn(name, EnumSet.of(Role.CLERK));
    var phone = againOnAnotherDevice(name, "Correct-horse-42");
    phone.perform(get("/residents")).andExpect(status().isOk());

    desk.perform(post("/account/password").with(csrf()).param("current", "Correct-horse-42")
        .param("replacement", "Battery-staple-43").param("repeat", "Battery-staple-43")).andExpect(status().isOk());
    desk.perform(get("/residents")).andExpect(status().isOk());
    phone.perform(get("/residents").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));

    // A tablet past the password only: its session is hers too.
    var tablet = BrowserSession.in(mvc);
    tablet.perform(post("/login").with(csrf()).param("username", name).param("password", "Battery-staple-43"))
        .andExpect(redirectedUrl("/login/second-factor"));
    tablet.perform(get("/login/second-factor")).andExpect(status().isOk());
    desk.perform(post("/logout/everywhere").with(csrf())).andExpect(redirectedUrl("/?signedOut"));
    assertThat(desk.isInvalid()).isTrue();
    assertThat(tablet.isInvalid()).isTrue();
    tablet.perform(get("/login/second-factor").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
    assertThat(audit.search(new AuditQuery(null, "account.signed-out-everywhere", null, name, null, null), 0, 5)
        .total()).isEqualTo(2);
  }

  @Test
  void anAdministratorSeesWhoIsOnlineAndEndsASession() throws Exception {
    long n = System.nanoTime() % 100000;
    var clerk = signedIn("clerk-online-" + n, EnumSet.of(Role.CLERK));
    var admin = signedIn("admin-online-" + n, EnumSet.of(Role.ADMIN));
    clerk.perform(get("/residents")).andExpect(status().isOk());

    String page = admin.perform(get("/admin/sessions")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("clerk-online-" + n);
    var row = Pattern.compile("clerk-online-" + n + "</span></td>\\s*<td class=\"code\">([0-9a-f]{16})</td>")
        .matcher(page);
    assertThat(row.find()).isTrue();
    String handle = row.group(1);
    assertThat(handle).isNotEqualTo(clerk.id());

    clerk.perform(post("/admin/sessions/" + handle + "/end").with(csrf()))
        .andExpect(status().isForbidden());
    admin.perform(post("/admin/sessions/" + handle + "/end").with(csrf()))
        .andExpect(redirectedUrl("/admin/sessions"));
    clerk.perform(get("/residents").accept(MediaType.TEXT_HTML))
        .andExpect(redirectedUrl("/login?expired"));
    assertThat(audit.search(new AuditQuery(null, "staff.session-ended", null, "clerk-online-" + n, null, null), 0, 5)
        .total()).isEqualTo(1);
  }
}
