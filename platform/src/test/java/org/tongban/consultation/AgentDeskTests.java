package org.tongban.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.officerOf;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.identity.internal.ResidentFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.NewResident;
import org.tongban.person.Residents;
import org.tongban.shared.RegionCode;

/**
 * The 12333 agent console (#15.4): the incoming number finds the caller, masked and only within the agent's
 * jurisdiction; the caller's own record is read only after the agent records how the identity was checked; the call
 * is a PHONE conversation with the agent's name and notes (ID numbers masked); a ticket for the caller is one click,
 * from the agent's own call only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class AgentDeskTests {

  static final String COUNTY = "210106";

  @Autowired AgentDesk desk;
  @Autowired Tickets tickets;
  @Autowired MockMvc mvc;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired org.tongban.insurance.GeneratedInsurance generated;
  @Autowired JdbcClient jdbc;

  @Test
  void theAgentFindsTheCallerChecksWhoCallsAnswersAndOpensATicket() throws Exception {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", COUNTY);
    String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    var village = fixtures.village(COUNTY);
    var id = org.tongban.StaffFixtures.idNumberBorn(COUNTY, "19750601");
    var her = as(clerkOf(COUNTY), () -> residents.register(new NewResident("赵来电", id.value(), null, village, village)));
    ResidentFixtures.accountFor(secrets, her.id(), "赵来电", id, phone);
    generated.history(her.id().value(), RegionCode.of(COUNTY), YearMonth.of(2021, 1), YearMonth.of(2022, 12), 500_000);
    var agent = officerOf(COUNTY, "hrss");

    var found = as(agent, () -> desk.identify(phone)).orElseThrow();
    assertThat(found.name()).isEqualTo("赵**");
    assertThat(found.idNumberMasked()).contains("*").doesNotContain(id.value());
    assertThat(as(officerOf("210102", "hrss"), () -> desk.identify(phone))).isEmpty();
    assertThatThrownBy(() -> as(agent, () -> desk.identify("12345"))).isInstanceOf(AgentDesk.InvalidCall.class);
    assertThatThrownBy(() -> desk.identify(phone)).isInstanceOf(AgentDesk.InvalidCall.class);

    // Her own record only after the check is recorded.
    assertThatThrownBy(() -> as(agent, () -> desk.answer("我交了几年社保", her.id().value(), " ", null)))
        .isInstanceOf(AgentDesk.InvalidCall.class);
    var reply = as(agent, () -> desk.answer("我交了几年社保", her.id().value(), "核对姓名、身份证后四位和预留手机号",
        "来电人报了身份证 " + id.value() + "，询问缴费年限"));
    assertThat(reply.personal().lines().getFirst()).contains("24 个月");
    var stored = jdbc.sql("select channel, agent, person_id, notes from consultation.conversation where id = ?")
        .param(reply.conversation()).query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2),
            rs.getObject(3, java.util.UUID.class), rs.getString(4)}).single();
    assertThat(stored[0]).isEqualTo("PHONE");
    assertThat(stored[1]).isEqualTo(agent.getUsername());
    assertThat(stored[2]).isEqualTo(her.id().value());
    assertThat((String) stored[3]).contains("核对姓名").doesNotContain(id.value());
    // An unchecked call answers from the knowledge base only and cannot become a ticket for anybody.
    var anonymous = as(agent, () -> desk.answer("失业金能领几个月", null, null, null));
    assertThat(anonymous.personal()).isNull();
    assertThatThrownBy(() -> as(agent, () -> tickets.openForCaller(anonymous.conversation())))
        .isInstanceOf(Tickets.TicketNotFound.class);
    // A ticket from the agent's own checked call; another agent's click finds nothing.
    assertThatThrownBy(() -> as(officerOf(COUNTY, "civil-affairs"), () -> tickets.openForCaller(reply.conversation())))
        .isInstanceOf(Tickets.TicketNotFound.class);
    var ticket = as(agent, () -> tickets.openForCaller(reply.conversation()));
    assertThat(ticket.channel()).isEqualTo("PHONE");
    assertThat(ticket.person()).isEqualTo(her.id().value());

    var page = mvc.perform(get("/workbench/consultation/desk").param("phone", phone).with(user(agent)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("赵**").contains("d-check").doesNotContain(id.value());
  }
}
