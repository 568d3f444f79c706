package org.tongban.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.RegionCode;
import org.tongban.shared.WorkingDayCalendar;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations, personal answers and tickets (#15.3–5): every question is recorded with ID numbers masked and rated
 * once with its token; "我的申请到哪了" reads the asker's own cases and nobody else's; a ticket goes to the competent
 * office of the asker's county, due in five working days, is answered and rated, is invisible to other counties and
 * to other residents, and climbs to the city when overdue.
 */
@SpringBootTest
@Tag("persistence")
class TicketTests {

  static final String COUNTY = "210106"; // 铁西区

  @Autowired Conversations conversations;
  @Autowired Tickets tickets;
  @Autowired Applications applications;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired org.tongban.insurance.GeneratedInsurance generated;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  CaseworkFixtures fixtures;

  @Autowired org.tongban.consultation.internal.Retrieval retrieval;

  @BeforeEach
  void offices() {
    org.tongban.Eventually.until("the knowledge base", java.time.Duration.ofMinutes(2), () -> retrieval.size() > 0);
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", COUNTY);
    fixtures.office("hrss", "2101");
    fixtures.office("government-services", COUNTY);
  }

  @Test
  void aConversationIsRecordedMaskedAndRatedOnceWithItsToken() {
    var reply = conversations.ask("我身份证号210106199001011234，失业金能领几个月", Conversations.Channel.MOBILE);
    var stored = conversations.stored(reply.conversation());
    assertThat((String) stored.get("question")).doesNotContain("199001011").contains("210106********1234");
    assertThat(stored.get("channel")).isEqualTo("MOBILE");
    assertThat((String) stored.get("shown")).contains("passages");
    assertThatThrownBy(() -> conversations.rate(reply.conversation(), "not-the-token", 5))
        .isInstanceOf(Conversations.InvalidRating.class);
    assertThatThrownBy(() -> conversations.rate(reply.conversation(), reply.ratingToken(), 6))
        .isInstanceOf(Conversations.InvalidRating.class);
    conversations.rate(reply.conversation(), reply.ratingToken(), 4);
    assertThatThrownBy(() -> conversations.rate(reply.conversation(), reply.ratingToken(), 5))
        .isInstanceOf(Conversations.InvalidRating.class);
    assertThat(conversations.stored(reply.conversation()).get("rating")).isEqualTo(4);
  }

  @Test
  void personalAnswersReadTheAskersOwnRecordsOnly() {
    var her = fixtures.resident("咨询人甲", COUNTY);
    var other = fixtures.resident("咨询人乙", COUNTY);
    var filed = as(her.user(), () -> applications.apply(new NewApplication("hrss.ss-card-application", her.person().id(),
        Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"咨询人甲","contactPhone":"13800007777","deliveryAddress":"沈阳市铁西区兴华街1号"}"""),
        null, null)));
    var mine = as(her.user(), () -> conversations.ask("我的申请到哪一步了", null)).personal();
    assertThat(mine.intent()).isEqualTo(PersonalAnswers.Intent.CASE_STATUS);
    assertThat(mine.lines()).anySatisfy(l -> assertThat(l).contains(filed.number()));
    assertThat(mine.links()).anySatisfy(l -> assertThat(l.href()).isEqualTo("/my/cases/" + filed.id()));
    var theirs = as(other.user(), () -> conversations.ask("我的申请到哪一步了", null)).personal();
    assertThat(String.join(" ", theirs.lines())).doesNotContain(filed.number());
    var anonymous = conversations.ask("我的申请到哪一步了", null).personal();
    assertThat(anonymous.signInFirst()).isTrue();
    assertThat(anonymous.lines()).isEmpty();

    generated.history(her.person().id().value(), RegionCode.of(COUNTY), YearMonth.of(2020, 1), YearMonth.of(2022, 12),
        500_000);
    var years = as(her.user(), () -> conversations.ask("我交了几年社保了", null)).personal();
    assertThat(years.intent()).isEqualTo(PersonalAnswers.Intent.CONTRIBUTION_YEARS);
    assertThat(years.lines().getFirst()).contains("36 个月");
    var card = as(her.user(), () -> conversations.ask("社保卡丢了怎么办", null)).personal();
    assertThat(card.intent()).isEqualTo(PersonalAnswers.Intent.CARD_LOST);
    assertThat(card.links()).extracting(PersonalAnswers.Link::href).contains("/my/insurance#card");
  }

  @Test
  void aTicketGoesToTheCountysOfficeIsAnsweredRatedAndHiddenFromOthers() {
    var her = fixtures.resident("工单人甲", COUNTY);
    var other = fixtures.resident("工单人乙", COUNTY);
    var asked = as(her.user(), () -> conversations.ask("工伤保险个人要交钱吗", null));
    var ticket = as(her.user(), () -> tickets.open(asked.conversation(), null));
    assertThat(ticket.department()).isEqualTo("hrss");
    assertThat(ticket.office()).isEqualTo(organisations.officeAt("hrss", RegionCode.of(COUNTY)).orElseThrow().id().value());
    var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    assertThat(ticket.dueDate()).isEqualTo(WorkingDayCalendar.official().addWorkingDays(today, 5));
    assertThat(ticket.status()).isEqualTo(Tickets.Status.OPEN);
    // Nobody signed in, and staff, cannot open one; another resident cannot reach it; nor can another county.
    assertThatThrownBy(() -> tickets.open(null, "问题")).isInstanceOf(Tickets.SignInRequired.class);
    assertThatThrownBy(() -> as(other.user(), () -> tickets.open(asked.conversation(), null)))
        .isInstanceOf(Tickets.TicketNotFound.class);
    assertThatThrownBy(() -> as(other.user(), () -> tickets.view(ticket.id())))
        .isInstanceOf(Tickets.TicketNotFound.class);
    var outsider = officerOf("210102", "hrss");
    assertThat(as(outsider, () -> tickets.queue(0, 100)).items()).extracting(Tickets.Ticket::id)
        .doesNotContain(ticket.id());
    assertThatThrownBy(() -> as(outsider, () -> tickets.reply(ticket.id(), "答复"))).isInstanceOf(Tickets.TicketNotFound.class);
    // The county's office answers; she sees it and rates it, which closes it.
    var officer = officerOf(COUNTY, "hrss");
    assertThat(as(officer, () -> tickets.queue(0, 100)).items()).extracting(Tickets.Ticket::id).contains(ticket.id());
    assertThatThrownBy(() -> as(officer, () -> tickets.reply(ticket.id(), " "))).isInstanceOf(Tickets.InvalidTicket.class);
    as(officer, () -> tickets.reply(ticket.id(), "工伤保险费由用人单位缴纳，职工个人不缴纳（社会保险法第三十三条）。"));
    assertThatThrownBy(() -> as(officer, () -> tickets.reply(ticket.id(), "再答一次")))
        .isInstanceOf(Tickets.TicketWrongState.class);
    assertThat(as(her.user(), () -> tickets.mine())).filteredOn(t -> t.id().equals(ticket.id())).singleElement()
        .satisfies(t -> assertThat(t.reply()).contains("第三十三条"));
    assertThatThrownBy(() -> as(other.user(), () -> tickets.rate(ticket.id(), 1)))
        .isInstanceOf(Tickets.TicketNotFound.class);
    var rated = as(her.user(), () -> tickets.rate(ticket.id(), 5));
    assertThat(rated.status()).isEqualTo(Tickets.Status.CLOSED);
    assertThat(rated.satisfaction()).isEqualTo(5);
  }

  @Test
  void anOverdueTicketClimbsToTheCityOnce() {
    var her = fixtures.resident("逾期工单人", COUNTY);
    var ticket = as(her.user(), () -> tickets.open(null, "单位一直不给我交社保怎么办"));
    jdbc.sql("update consultation.ticket set due_date = due_date - 30 where id = ?").param(ticket.id()).update();
    assertThat(tickets.escalateOverdue()).isGreaterThanOrEqualTo(1);
    var city = organisations.officeAt("hrss", RegionCode.of("2101")).orElseThrow();
    var moved = as(officerOf("2101", "hrss"), () -> tickets.view(ticket.id()));
    assertThat(moved.office()).isEqualTo(city.id().value());
    assertThat(moved.escalatedAt()).isNotNull();
    assertThat(moved.dueDate()).isAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")));
    jdbc.sql("update consultation.ticket set due_date = due_date - 30 where id = ?").param(ticket.id()).update();
    tickets.escalateOverdue();
    assertThat(as(officerOf("2101", "hrss"), () -> tickets.view(ticket.id())).office()).isEqualTo(city.id().value());
  }

  @Test
  void theDesksWorkIsCountedPerRegionAndMonthAndShownToItsStaff(@Autowired Analytics analytics,
      @Autowired org.tongban.indicator.IndicatorManagement indicators) {
    var her = fixtures.resident("分析咨询人", COUNTY);
    var region = her.person().residenceRegion();
    var month = java.time.YearMonth.now(ZoneId.of("Asia/Shanghai"));
    indicators.applyNow();
    long before = indicators.value(org.tongban.consultation.internal.ConsultationFacts.QUESTIONS, region, month);
    var answered = as(her.user(), () -> conversations.ask("失业金能领几个月", null));
    as(her.user(), () -> conversations.ask("小区物业不作为怎么办", null));
    conversations.rate(answered.conversation(), answered.ratingToken(), 4);
    var ticket = as(her.user(), () -> tickets.open(null, "失业金一个月多少钱"));
    as(officerOf(COUNTY, "hrss"), () -> tickets.reply(ticket.id(), "按沈阳市公布的失业保险金标准发放。"));
    as(her.user(), () -> tickets.rate(ticket.id(), 5));
    indicators.applyNow();
    assertThat(indicators.value(org.tongban.consultation.internal.ConsultationFacts.QUESTIONS, region, month))
        .isEqualTo(before + 2);
    assertThat(indicators.value(org.tongban.consultation.internal.ConsultationFacts.ON_TIME, region, month))
        .isGreaterThanOrEqualTo(1);
    assertThat(indicators.differences()).as("live facts against a recompute").isZero();
    var officer = officerOf(COUNTY, "hrss");
    var summary = as(officer, () -> analytics.summary(30));
    assertThat(summary.questions()).isGreaterThanOrEqualTo(2);
    assertThat(summary.rated()).isGreaterThanOrEqualTo(1);
    assertThat(summary.tickets()).isGreaterThanOrEqualTo(1);
    assertThat(summary.onTime()).isGreaterThanOrEqualTo(1);
    assertThat(as(officer, () -> analytics.gaps(100))).extracting(Analytics.Gap::question).contains("小区物业不作为怎么办");
    assertThat(as(officer, () -> analytics.hotTopics(4))).isNotEmpty();
    // Another county's staff see nothing of it.
    assertThat(as(officerOf("210102", "hrss"), () -> analytics.gaps(100))).extracting(Analytics.Gap::question)
        .doesNotContain("小区物业不作为怎么办");
  }

  @Test
  void anOfficeHandsATicketToTheDepartmentItBelongsTo() {
    fixtures.office("housing", COUNTY);
    var her = fixtures.resident("转办工单人", COUNTY);
    var ticket = as(her.user(), () -> tickets.open(null, "失业金一个月多少钱"));
    var hrss = officerOf(COUNTY, "hrss");
    assertThatThrownBy(() -> as(hrss, () -> tickets.transfer(ticket.id(), "no-such-department", "不属本部门")))
        .isInstanceOf(Tickets.InvalidTicket.class);
    assertThatThrownBy(() -> as(hrss, () -> tickets.transfer(ticket.id(), "housing", " ")))
        .isInstanceOf(Tickets.InvalidTicket.class);
    assertThatThrownBy(() -> as(officerOf("210102", "hrss"), () -> tickets.transfer(ticket.id(), "housing", "不属本部门")))
        .isInstanceOf(Tickets.TicketNotFound.class);
    var moved = as(hrss, () -> tickets.transfer(ticket.id(), "housing", "咨询内容属住房公积金，转住建部门"));
    assertThat(moved.department()).isEqualTo("housing");
    assertThat(moved.office()).isEqualTo(organisations.officeAt("housing", RegionCode.of(COUNTY)).orElseThrow().id().value());
    assertThat(moved.dueDate()).isEqualTo(ticket.dueDate());
    // Now the housing office sees it, and the 人社 office no longer does.
    assertThat(as(officerOf(COUNTY, "housing"), () -> tickets.queue(0, 100)).items()).extracting(Tickets.Ticket::id)
        .contains(ticket.id());
    assertThatThrownBy(() -> as(hrss, () -> tickets.view(ticket.id()))).isInstanceOf(Tickets.TicketNotFound.class);
  }
}
