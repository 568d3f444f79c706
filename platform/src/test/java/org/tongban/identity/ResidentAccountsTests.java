package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.randomIdNumber;
import static org.tongban.identity.internal.ResidentFixtures.lastSmsCode;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.BrowserSession;
import org.tongban.person.NewResident;
import org.tongban.person.Residents;

/** Residents register with real-name factors and sign in by phone + password or by SMS code. */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class ResidentAccountsTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired org.tongban.audit.AuditTrail audit;
  @Autowired Residents registry;

  // Distinct last four digits within a run, so that masked numbers (139****1234) never collide.
  private static final java.util.concurrent.atomic.AtomicInteger LAST_FOUR =
      new java.util.concurrent.atomic.AtomicInteger(ThreadLocalRandom.current().nextInt(9000));

  static String newPhone() {
    return "139" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000))
        + String.format("%04d", LAST_FOUR.incrementAndGet() % 10_000);
  }

  private String register(String name, String id, String phone, String password) throws Exception {
    mvc.perform(post("/register").with(csrf()).param("step", "send-code").param("phone", phone)).andExpect(status().isOk());
    return mvc.perform(post("/register").with(csrf()).param("step", "register").param("name", name)
            .param("idNumber", id).param("phone", phone).param("password", password).param("smsCode", lastSmsCode(jdbc, phone)))
        .andReturn().getResponse().getRedirectedUrl();
  }

  @Test
  void aResidentRegistersAndSignsInWithPhoneAndPassword() throws Exception {
    String phone = newPhone();
    String id = randomIdNumber("210102").value();
    assertThat(register("刘晓红", id, phone, "hong2026abc")).isEqualTo("/register/next");

    String stored = jdbc.sql("select r::text from identity.resident_account r where phone_masked = ?")
        .param(phone.substring(0, 3) + "****" + phone.substring(7)).query(String.class).single();
    assertThat(stored).doesNotContain(phone).doesNotContain(id).contains("***********");

    var session = BrowserSession.in(mvc);
    session.perform(post("/login").with(csrf()).param("username", phone).param("password", "hong2026abc"))
        .andExpect(redirectedUrl("/"));
    assertThat(session.perform(get("/")).andReturn().getResponse().getContentAsString()).contains("刘晓红");
    session.perform(get("/residents")).andExpect(status().isForbidden());
  }

  @Test
  void wrongCodesMismatchedNamesAndSecondRegistrationsAreRefused() throws Exception {
    String phone = newPhone();
    var known = as(clerkOf("210102"), () -> registry.register(new NewResident("陈建国",
        randomIdNumber("210102").value(), null, "210102001002", "210102001002")));
    String idOfKnown = as(clerkOf("210102", "person:unmask"), () -> registry.revealIdNumber(known.id(), "测试核对姓名"));

    // Without the SMS code a stranger learns nothing about the name: the wrong name and the right one get the
    // same answer, the code's.
    mvc.perform(post("/register").with(csrf()).param("step", "send-code").param("phone", phone));
    String wrongName = mvc.perform(post("/register").with(csrf()).param("name", "陈建华").param("idNumber", idOfKnown)
        .param("phone", phone).param("password", "jianguo2026").param("smsCode", "000000"))
        .andReturn().getResponse().getContentAsString();
    String rightName = mvc.perform(post("/register").with(csrf()).param("name", "陈建国").param("idNumber", idOfKnown)
        .param("phone", phone).param("password", "jianguo2026").param("smsCode", "000001"))
        .andReturn().getResponse().getContentAsString();
    assertThat(wrongName).contains("短信验证码不正确或已过期");
    assertThat(problemOf(rightName)).isEqualTo(problemOf(wrongName));

    String page = mvc.perform(post("/register").with(csrf()).param("name", "陈建华").param("idNumber", idOfKnown)
        .param("phone", phone).param("password", "jianguo2026").param("smsCode", lastSmsCode(jdbc, phone)))
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("姓名和公民身份号码未能通过核验");

    String other = newPhone();
    assertThat(register("陈建国", idOfKnown, other, "jianguo2026")).isEqualTo("/login?registered");
    var linked = jdbc.sql("select person_id from identity.resident_account where id_number_masked = ? and phone_masked = ?")
        .params(known.idNumberMasked(), other.substring(0, 3) + "****" + other.substring(7))
        .query(java.util.UUID.class).single();
    assertThat(linked).isEqualTo(known.id().value());

    String third = newPhone();
    mvc.perform(post("/register").with(csrf()).param("step", "send-code").param("phone", third));
    page = mvc.perform(post("/register").with(csrf()).param("name", "陈建国").param("idNumber", idOfKnown)
        .param("phone", third).param("password", "jianguo2026").param("smsCode", lastSmsCode(jdbc, third)))
        .andReturn().getResponse().getContentAsString();
    assertThat(page).as("an ID number that has an account answers like a wrong name").contains("姓名和公民身份号码未能通过核验");
  }

  @Test
  void wrongSmsCodesAddUpEvenThoughEachRefusalRollsBack() throws Exception {
    String phone = newPhone();
    String id = randomIdNumber("210102").value();
    mvc.perform(post("/register").with(csrf()).param("step", "send-code").param("phone", phone));
    String code = lastSmsCode(jdbc, phone);
    for (int i = 0; i < 5; i++) {
      String wrong = String.format("%06d", (Integer.parseInt(code) + 1 + i) % 1_000_000);
      mvc.perform(post("/register").with(csrf()).param("name", "错码").param("idNumber", id).param("phone", phone)
          .param("password", "cuoma2026abc").param("smsCode", wrong));
    }
    String page = mvc.perform(post("/register").with(csrf()).param("name", "错码").param("idNumber", id)
        .param("phone", phone).param("password", "cuoma2026abc").param("smsCode", code))
        .andReturn().getResponse().getContentAsString();
    assertThat(page).as("five wrong tries spend the code").contains("短信验证码不正确或已过期");
    assertThat(jdbc.sql("select attempts from identity.sms_code where phone_index = (select phone_index"
        + " from identity.sms_code order by id desc limit 1) order by id desc limit 1").query(Integer.class).single())
        .isEqualTo(5);
  }

  @Test
  void readingTheOutboxAndExportingResidentsAreAudited() throws Exception {
    var admin = org.tongban.StaffFixtures.staff("admin-outbox-" + System.nanoTime() % 100000,
        java.util.Set.of(org.tongban.access.Scope.everywhere(org.tongban.access.Purpose.CAPTURE),
            org.tongban.access.Scope.everywhere(org.tongban.access.Purpose.SEARCH)), "ROLE_ADMIN");
    String page = mvc.perform(get("/admin/sms").with(user(admin))).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
    assertThat(page).contains("嵌入（演示）模式");
    String csv = mvc.perform(get("/residents/export.csv").param("region", "210102").with(user(admin)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(csv).startsWith("\uFEFF姓名");
    audit.flush();
    var actions = audit.search(new org.tongban.audit.AuditQuery(admin.getUsername(), null, null, null, null, null), 0, 10)
        .items().stream().map(org.tongban.audit.AuditEntry::action).toList();
    assertThat(actions).contains("identity.sms-outbox-read", "person.exported");
  }

  private static String problemOf(String page) {
    var m = Pattern.compile("class=\"problem\"[^>]*>([^<]*)<").matcher(page);
    return m.find() ? m.group(1) : "";
  }

  @Test
  void codesCannotBeRequestedTwiceAMinute() throws Exception {
    String phone = newPhone();
    mvc.perform(post("/register").with(csrf()).param("step", "send-code").param("phone", phone));
    String page = mvc.perform(post("/register").with(csrf()).param("step", "send-code").param("phone", phone))
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("请 1 分钟后再获取");
  }

  @Test
  void signInWithAnSmsCodeAndResetAForgottenPassword() throws Exception {
    String phone = newPhone();
    register("周美玲", randomIdNumber("510502").value(), phone, "meiling2026");

    mvc.perform(post("/login/sms").with(csrf()).param("step", "send-code").param("phone", phone));
    var session = BrowserSession.in(mvc);
    session.perform(post("/login/sms").with(csrf()).param("phone", phone).param("code", lastSmsCode(jdbc, phone)))
        .andExpect(redirectedUrl("/"));
    assertThat(session.perform(get("/")).andReturn().getResponse().getContentAsString()).contains("周美玲");

    mvc.perform(post("/login/reset").with(csrf()).param("step", "send-code").param("phone", phone));
    mvc.perform(post("/login/reset").with(csrf()).param("phone", phone).param("code", lastSmsCode(jdbc, phone))
        .param("password", "newpass2027")).andExpect(redirectedUrl("/login?reset"));
    assertThat(session.isInvalid()).as("the session signed in before the reset is ended").isTrue();
    mvc.perform(post("/login").with(csrf()).param("username", phone).param("password", "meiling2026"))
        .andExpect(redirectedUrl("/login?error"));
    mvc.perform(post("/login").with(csrf()).param("username", phone).param("password", "newpass2027"))
        .andExpect(redirectedUrl("/"));
  }

  @Test
  void repeatedWrongPasswordsLockAResidentToo() throws Exception {
    String phone = newPhone();
    register("吴国平", randomIdNumber("210102").value(), phone, "guoping2026");
    for (int i = 0; i < 5; i++) {
      mvc.perform(post("/login").with(csrf()).param("username", phone).param("password", "wrong" + i + "abc"))
          .andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(post("/login").with(csrf()).param("username", phone).param("password", "guoping2026"))
        .andExpect(redirectedUrl("/login?error"));
    audit.flush();
    var log = jdbc.sql("select count(*) from audit.entry where action = 'login.failed' and actor = ?")
        .param(phone.substring(0, 3) + "****" + phone.substring(7)).query(Long.class).single();
    assertThat(log).isGreaterThanOrEqualTo(6);
  }

  @Test
  void aWindowClerkRegistersAResidentOnTheSpotAndIsRecorded() throws Exception {
    String phone = newPhone();
    var clerk = clerkOf("210102");
    mvc.perform(post("/residents/accounts/new").with(user(clerk)).with(csrf()).param("step", "send-code")
        .param("phone", phone)).andExpect(status().isOk());
    String page = mvc.perform(post("/residents/accounts/new").with(user(clerk)).with(csrf()).param("name", "郑大爷")
            .param("idNumber", randomIdNumber("210102").value()).param("phone", phone).param("password", "zheng2026a")
            .param("smsCode", lastSmsCode(jdbc, phone)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("registered");
    String by = jdbc.sql("select registered_by from identity.resident_account where phone_masked = ?")
        .param(phone.substring(0, 3) + "****" + phone.substring(7)).query(String.class).single();
    assertThat(by).isEqualTo(clerk.getUsername());
    mvc.perform(get("/admin/sms").with(user(clerk))).andExpect(status().isForbidden());
    mvc.perform(get("/residents/accounts/new").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
  }
}
