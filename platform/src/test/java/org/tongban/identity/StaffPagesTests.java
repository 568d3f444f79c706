package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.StaffFixtures;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OfficeKind;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.shared.RegionCode;

@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class StaffPagesTests {

  @Autowired MockMvc mvc;
  @Autowired StaffAccounts accounts;
  @Autowired OrganisationDirectory organisations;

  @Test
  void anAdministratorOpensAWindowClerkAtAHallWhoTakesInForEveryDepartment() throws Exception {
    var region = RegionCode.of("210104");
    var hall = organisations.officeAt("government-services", region).orElseGet(() -> {
      var o = new Office(OfficeId.random(), "government-services", region, OfficeKind.SERVICE_HALL, "大东区政务服务中心（测试）",
          null, null, false, 0);
      organisations.insert(o);
      return o;
    });
    var admin = StaffFixtures.staff("admin-for-staff", Set.of(Scope.everywhere(Purpose.CAPTURE)), "ROLE_ADMIN");
    String username = "clerk-" + System.nanoTime() % 1_000_000;
    String page = mvc.perform(post("/admin/staff").with(user(admin)).with(csrf()).param("username", username)
            .param("displayName", "大东窗口").param("region", "210104").param("department", "government-services")
            .param("roles", "CLERK", "AGENT"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("id=\"staff-password\"");
    var account = accounts.find(username).orElseThrow();
    assertThat(account.officeId()).isEqualTo(hall.id().value());
    assertThat(account.roles()).containsExactlyInAnyOrder(Role.CLERK, Role.AGENT);
    assertThat(account.scopes()).contains(new Scope(region, Scope.ANY_DEPARTMENT, Purpose.CAPTURE));

    String missing = mvc.perform(post("/admin/staff").with(user(admin)).with(csrf()).param("username", username + "x")
            .param("displayName", "无机构").param("region", "210104001").param("department", "hrss"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    // In words: the region's name and the department's, not "210104001" and "hrss".
    assertThat(missing).contains("辽宁省沈阳市大东区").contains("没有“人力资源和社会保障”的机构")
        .doesNotContain("区划 210104001").doesNotContain("“hrss”");
    assertThat(accounts.find(username + "x")).isEmpty();

    mvc.perform(post("/admin/staff").with(user(StaffFixtures.clerkOf("210104"))).with(csrf()).param("username", "nope")
        .param("displayName", "x").param("region", "210104").param("department", "hrss")).andExpect(status().isForbidden());
  }

  @Test
  void anAdministratorOpensASupervisorWhoMayLookButNotChange() throws Exception {
    var admin = StaffFixtures.staff("admin-for-staff", Set.of(Scope.everywhere(Purpose.CAPTURE)), "ROLE_ADMIN");
    var region = RegionCode.of("210102");
    if (organisations.officeAt("hrss", region).isEmpty()) {
      organisations.insert(new Office(OfficeId.random(), "hrss", region, OfficeKind.OFFICE, "和平区人社局（测试）", null,
          null, false, 0));
    }
    String username = "supervisor-" + System.nanoTime() % 1_000_000;
    mvc.perform(post("/admin/staff").with(user(admin)).with(csrf()).param("username", username)
            .param("displayName", "和平区效能监督").param("region", "210102").param("department", "hrss")
            .param("roles", "SUPERVISOR"))
        .andExpect(status().isOk());
    var account = accounts.find(username).orElseThrow();
    assertThat(account.roles()).containsExactly(Role.SUPERVISOR);
    assertThat(account.scopes()).extracting(Scope::purpose).containsExactlyInAnyOrder(Purpose.VIEW, Purpose.SEARCH);
  }
}
