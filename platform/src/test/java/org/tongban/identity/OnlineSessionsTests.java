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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
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

  private MockHttpSession signedIn(String name, EnumSet<Role> roles) throws Exception {
    accounts.create(new NewStaff(name, "会话测试 " + name, null, roles,
        Set.of(new Scope(RegionCode.of("210102"), Scope.ANY_DEPARTMENT, Purpose.SEARCH)), Set.of()), "Correct-horse-42");
    var session = (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", name)
        .param("password", "Correct-horse-42")).andReturn().getRequest().getSession();
    mvc.perform(get("/login/second-factor").session(session)).andExpect(status().isOk());
    byte[] secret = (byte[]) session.getAttribute("tongban.totp.pending");
    mvc.perform(post("/login/second-factor/enrol").session(session).with(csrf())
        .param("code", Totp.code(secret, Totp.step(Instant.now())))).andExpect(status().isOk());
    return session;
  }

  @Test
  void anAdministratorSeesWhoIsOnlineAndEndsASession() throws Exception {
    long n = System.nanoTime() % 100000;
    var clerk = signedIn("clerk-online-" + n, EnumSet.of(Role.CLERK));
    var admin = signedIn("admin-online-" + n, EnumSet.of(Role.ADMIN));
    mvc.perform(get("/residents").session(clerk)).andExpect(status().isOk());

    String page = mvc.perform(get("/admin/sessions").session(admin)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("clerk-online-" + n);
    var row = Pattern.compile("clerk-online-" + n + "</span></td>\\s*<td class=\"code\">([0-9a-f]{16})</td>")
        .matcher(page);
    assertThat(row.find()).isTrue();
    String handle = row.group(1);
    assertThat(handle).isNotEqualTo(clerk.getId());

    mvc.perform(post("/admin/sessions/" + handle + "/end").session(clerk).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/admin/sessions/" + handle + "/end").session(admin).with(csrf()))
        .andExpect(redirectedUrl("/admin/sessions"));
    mvc.perform(get("/residents").session(clerk).accept(MediaType.TEXT_HTML))
        .andExpect(redirectedUrl("/login?expired"));
    assertThat(audit.search(new AuditQuery(null, "staff.session-ended", null, "clerk-online-" + n, null, null), 0, 5)
        .total()).isEqualTo(1);
  }
}
