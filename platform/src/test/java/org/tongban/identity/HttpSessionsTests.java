package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.BrowserSession;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.identity.internal.Totp;
import org.tongban.shared.RegionCode;

/**
 * Sessions live in PostgreSQL (#18.1) with their attributes sealed: the table holds neither the staff member's name
 * nor Java's serialized objects in the clear, and a row altered in the database signs the browser out instead of
 * failing its requests or reaching deserialization.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class HttpSessionsTests {

  @Autowired MockMvc mvc;
  @Autowired StaffAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired FindByIndexNameSessionRepository<? extends Session> sessions;

  private BrowserSession signedIn(String name, String displayName) throws Exception {
    accounts.create(new NewStaff(name, displayName, null, EnumSet.of(Role.CLERK),
        Set.of(new Scope(RegionCode.of("210102"), Scope.ANY_DEPARTMENT, Purpose.SEARCH)), Set.of()), "Correct-horse-42");
    var session = BrowserSession.in(mvc);
    session.perform(post("/login").with(csrf()).param("username", name).param("password", "Correct-horse-42"));
    session.perform(get("/login/second-factor")).andExpect(status().isOk());
    byte[] secret = session.attribute("tongban.totp.pending");
    session.perform(post("/login/second-factor/enrol").with(csrf())
        .param("code", Totp.code(secret, Totp.step(Instant.now())))).andExpect(status().isOk());
    session.perform(get("/residents")).andExpect(status().isOk());
    return session;
  }

  private List<byte[]> stored(BrowserSession session, String attribute) {
    return jdbc.sql("select a.attribute_bytes from identity.http_session_attributes a join identity.http_session s"
            + " on s.primary_id = a.session_primary_id where s.session_id = ? and a.attribute_name like ?")
        .params(session.id(), attribute).query((rs, i) -> rs.getBytes(1)).list();
  }

  @Test
  void attributesAreSealedAtRest() throws Exception {
    String name = "clerk-sealed-" + System.nanoTime() % 100000;
    var session = signedIn(name, "封存测试员");
    var all = stored(session, "%");
    assertThat(all).isNotEmpty();
    for (byte[] bytes : all) {
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      assertThat(text).doesNotContain(name).doesNotContain("SecurityContextImpl");
      assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("封存测试员");
      assertThat(bytes[0] == (byte) 0xAC && bytes[1] == (byte) 0xED).as("Java serialization in the clear").isFalse();
    }
    // What the page shows is read back through the seal.
    assertThat(session.perform(get("/residents")).andReturn().getResponse().getContentAsString()).contains("封存测试员");
  }

  @Test
  void aSessionAlteredInTheDatabaseIsSignedOutNotBroken() throws Exception {
    var session = signedIn("clerk-altered-" + System.nanoTime() % 100000, "改动测试员");
    int altered = jdbc.sql("update identity.http_session_attributes a set attribute_bytes ="
            + " set_byte(attribute_bytes, 30, (get_byte(attribute_bytes, 30) + 1) % 256) from identity.http_session s"
            + " where s.primary_id = a.session_primary_id and s.session_id = ? and a.attribute_name = ?")
        .params(session.id(), "SPRING_SECURITY_CONTEXT").update();
    assertThat(altered).isEqualTo(1);
    session.perform(get("/residents").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
  }

  @Test
  void aStoredSecurityContextIsOpenedOnceNotAtEveryRequest() throws Exception {
    var session = signedIn("clerk-opened-" + System.nanoTime() % 100000, "读取测试员");
    Object first = sessions.findById(session.id()).getAttribute("SPRING_SECURITY_CONTEXT");
    Object again = sessions.findById(session.id()).getAttribute("SPRING_SECURITY_CONTEXT");
    assertThat(first).isNotNull().isSameAs(again);
  }

  private record Row(long version, long lastAccess) {}

  private Row row(BrowserSession session) {
    return jdbc.sql("select xmin::text::bigint, last_access_time from identity.http_session where session_id = ?")
        .param(session.id()).query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2))).single();
  }

  @Test
  void aRequestThatChangesNothingWritesTheSessionAtMostOnceAMinute() throws Exception {
    var session = signedIn("clerk-access-" + System.nanoTime() % 100000, "访问测试员");
    var before = row(session);
    session.perform(get("/residents")).andExpect(status().isOk());
    session.perform(get("/residents")).andExpect(status().isOk());
    assertThat(row(session)).as("the row is left alone within the minute").isEqualTo(before);

    // A minute and more since the stored last access: the next request writes it.
    long stale = System.currentTimeMillis() - 90_000;
    jdbc.sql("update identity.http_session set last_access_time = ? where session_id = ?")
        .params(stale, session.id()).update();
    session.perform(get("/residents")).andExpect(status().isOk());
    assertThat(row(session).lastAccess()).isGreaterThan(stale + 60_000);
  }
}
