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
import org.tongban.casework.Applications;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
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
  @Autowired Applications applications;
  @Autowired tools.jackson.databind.json.JsonMapper json;

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

  @Test
  void atAVillageStationTheAgentAnswersTheResidentAtTheCounterAndSeesTheCasesWithinReach() throws Exception {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", COUNTY);
    fixtures.office("hrss", "2101");
    // Where a ticket goes depends on what the knowledge base answers; the county's hall takes what no bureau does.
    fixtures.office("government-services", COUNTY);
    String village = fixtures.village(COUNTY);
    var station = fixtures.villageStation(village);
    var agent = fixtures.staff(station, "AGENT");
    var number = org.tongban.StaffFixtures.idNumberBorn(COUNTY, "19680203");
    var her = as(clerkOf(COUNTY), () -> residents.register(new NewResident("钱到站", number.value(), null, village, village)));
    var account = ResidentFixtures.accountFor(secrets, her.id(), "钱到站", number);

    // Found by the ID card she shows, masked; an invalid number is a clear problem; another county's agent finds nobody.
    var found = as(agent, () -> desk.identifyInPerson(number.value())).orElseThrow();
    assertThat(found.name()).isEqualTo("钱**");
    assertThat(found.idNumberMasked()).doesNotContain(number.value());
    assertThat(as(officerOf("210102", "hrss"), () -> desk.identifyInPerson(number.value()))).isEmpty();
    assertThatThrownBy(() -> as(agent, () -> desk.identifyInPerson("12345"))).isInstanceOf(AgentDesk.InvalidCall.class);

    // A policy question without her: a STATION conversation of the station's village.
    var general = as(agent, () -> desk.answer("失业金能领几个月", null, null, null));
    var stored = jdbc.sql("select channel, region_code from consultation.conversation where id = ?")
        .param(general.conversation()).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
    assertThat(stored).containsExactly("STATION", village);

    // One application the station filed for her (代办), one she filed herself online for the county's bureau.
    var atStation = as(agent, () -> applications.apply(new NewApplication("hrss.ss-card-application", her.id(),
        Channel.WINDOW, RegionBasis.RESIDENCE, null, json.readTree(CARD.formatted("钱到站")), null, "村代办员代办，本人签字")));
    var online = as(account, () -> applications.apply(new NewApplication("hrss.ss-card-application", her.id(), Channel.WEB, RegionBasis.RESIDENCE, null,
        json.readTree(CARD.formatted("钱到站")), null, null)));

    // After the check the station sees the one it took in; the city's 12333 agent both (the card is the city's);
    // another department neither.
    var reply = as(agent, () -> desk.answer("我的申请到哪一步了", her.id().value(), "查验身份证原件，人证一致", null));
    assertThat(reply.personal().intent()).isEqualTo(PersonalAnswers.Intent.CASE_STATUS);
    assertThat(String.join(" ", reply.personal().lines())).contains(atStation.number()).doesNotContain(online.number());
    assertThat(as(agent, () -> tickets.openForCaller(reply.conversation())).channel()).isEqualTo("STATION");
    var county = as(officerOf("2101", "hrss"), () -> desk.answer("我的申请到哪一步了", her.id().value(),
        "核对姓名、身份证后四位", null));
    assertThat(String.join(" ", county.personal().lines())).contains(atStation.number()).contains(online.number());
    var other = as(officerOf(COUNTY, "civil-affairs"), () -> desk.answer("我的申请到哪一步了", her.id().value(),
        "核对姓名、身份证后四位", null));
    assertThat(String.join(" ", other.personal().lines())).doesNotContain(atStation.number())
        .doesNotContain(online.number()).contains("我的办件");

    var page = mvc.perform(get("/workbench/consultation/desk").param("idNumber", number.value()).with(user(agent)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("便民服务站咨询台").contains("钱**").contains("id=\"id-form\"")
        .doesNotContain(number.value());
  }

  static final String CARD = """
      {"applicantName":"%s","contactPhone":"13800007777","deliveryAddress":"沈阳市铁西区兴华街1号"}""";
}
