package org.tongban.access;

import static org.tongban.StaffFixtures.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.userdetails.UserDetails;
import org.tongban.consultation.Tickets;

/**
 * The 12333 tickets the jurisdiction walk needs: a 江阳区 resident's tickets about unemployment benefit (routed to
 * 江阳区's 人社 office), and the cases for every ticket endpoint that takes an id.
 */
final class ConsultationWalk {

  private ConsultationWalk() {}

  static Map<String, List<JurisdictionTests.Case>> idCases(Tickets tickets, org.tongban.consultation.Entries entries,
                                                          org.tongban.organisation.Office office, UserDetails applicant,
                                                          UserDetails stranger) {
    var read = as(applicant, () -> tickets.open(null, "失业金能领几个月")).id();
    var reply = as(applicant, () -> tickets.open(null, "失业金一个月多少钱")).id();
    var callback = as(applicant, () -> tickets.open(null, "领失业金要什么条件")).id();
    var pageReply = as(applicant, () -> tickets.open(null, "失业金到哪里领")).id();
    var handOn = as(applicant, () -> tickets.open(null, "失业金能不能一次领完")).id();
    var pageHandOn = as(applicant, () -> tickets.open(null, "失业金能不能让家人代领")).id();
    var all = new HashMap<String, List<JurisdictionTests.Case>>();
    all.put("GET /api/consultation/tickets/{id}", List.of(new JurisdictionTests.Case(HttpMethod.GET,
        "/api/consultation/tickets/" + read, null)));
    all.put("POST /api/consultation/tickets/{id}/reply", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/consultation/tickets/" + reply + "/reply", "{\"text\":\"按社会保险法第四十七条，由省政府确定标准。\"}")));
    all.put("POST /api/consultation/tickets/{id}/transfer", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/consultation/tickets/" + handOn + "/transfer", "{\"department\":\"civil-affairs\",\"reason\":\"走查转办\"}",
        null, false, null)));
    all.put("POST /workbench/consultation/tickets/{id}/transfer", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/workbench/consultation/tickets/" + pageHandOn + "/transfer?department=civil-affairs&reason=走查转办", null,
        null, false, null)));
    // A call-back follows a reply: on an open ticket the owner gets 409, never "not found".
    all.put("POST /api/consultation/tickets/{id}/callback", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/consultation/tickets/" + callback + "/callback", "{\"note\":\"已电话回访\",\"satisfaction\":5}", null,
        false, null)));
    // The resident's own rating: another resident is told "not found"; she gets 409 until it is answered.
    all.put("POST /api/consultation/my/tickets/{id}/rating", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/consultation/my/tickets/" + read + "/rating", "{\"satisfaction\":4}", applicant, false, stranger)));
    // The same on the pages: the office's reply and call-back, the resident's rating.
    all.put("POST /workbench/consultation/tickets/{id}/reply", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/workbench/consultation/tickets/" + pageReply + "/reply?text=" + "已答复", null)));
    all.put("POST /workbench/consultation/tickets/{id}/callback", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/workbench/consultation/tickets/" + callback + "/callback?note=回访&satisfaction=5", null, null, false, null)));
    all.put("POST /my/consultation/tickets/{id}/rating", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/my/consultation/tickets/" + read + "/rating?satisfaction=4", null, applicant, false, stranger)));
    // A curated answer written at 江阳区's 人社 office, published by a colleague; staff without that department's office
    // (the clerk of 和平区) are told "not found".
    var entry = as(org.tongban.StaffFixtures.at(office), () -> entries.write(null, "走查用问答：失业金到哪里领",
        "走查用答复：到参保地社会保险经办机构或在「通办」网上申领。", "《中华人民共和国社会保险法》第五十条",
        java.time.LocalDate.now(), null)).id();
    all.put("POST /api/consultation/entries/{id}/review", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/consultation/entries/" + entry + "/review", "{\"publish\":false,\"note\":\"走查退回\"}",
        org.tongban.StaffFixtures.at(office), true, null)));
    var pageEntry = as(org.tongban.StaffFixtures.at(office), () -> entries.write(null, "走查用问答：失业金多少钱",
        "走查用答复：按市人民政府公布的标准发放。", "《中华人民共和国社会保险法》第四十七条", java.time.LocalDate.now(), null)).id();
    all.put("POST /workbench/consultation/entries/{id}/review", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/workbench/consultation/entries/" + pageEntry + "/review?publish=false&note=走查退回", null,
        org.tongban.StaffFixtures.at(office), true, null)));
    return all;
  }

  /**
   * The 12333 agent's writes: a call answered for a checked 江阳区 caller (API and page) and a ticket opened from the
   * agent's own call — by 江阳区's agent, not by 和平区's.
   */
  static List<WriteJurisdictionTests.Write> writes(org.tongban.consultation.AgentDesk desk,
                                                  org.springframework.jdbc.core.simple.JdbcClient jdbc,
                                                  org.tongban.person.Residents residents, String village,
                                                  UserDetails heping, UserDetails jiangyang) {
    var callers = new java.util.ArrayList<java.util.UUID>();
    for (String name : List.of("来电走查甲", "来电走查乙", "来电走查丙")) {
      var id = org.tongban.StaffFixtures.randomIdNumber("510502");
      callers.add(as(jiangyang, () -> residents.register(new org.tongban.person.NewResident(name, id.value(), null,
          village, village))).id().value());
    }
    var call = as(jiangyang, () -> desk.answer("失业金能领几个月", callers.get(2), "核对姓名和身份证后四位", null))
        .conversation();
    String json = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    java.util.function.Function<java.util.UUID, java.util.function.Supplier<Long>> calls = person -> () -> jdbc.sql(
        "select count(*) from consultation.conversation where person_id = ? and channel = 'PHONE'").param(person)
        .query(Long.class).single();
    var all = new java.util.ArrayList<WriteJurisdictionTests.Write>();
    all.add(new WriteJurisdictionTests.Write("POST /api/consultation/desk/answers", heping, jiangyang,
        () -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/consultation/desk/answers")
            .contentType(json).content("{\"question\":\"失业金能领几个月\",\"caller\":\"" + callers.get(0)
                + "\",\"identityCheck\":\"核对姓名和身份证后四位\"}"),
        calls.apply(callers.get(0))));
    all.add(new WriteJurisdictionTests.Write("POST /workbench/consultation/desk", heping, jiangyang,
        () -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/workbench/consultation/desk")
            .param("question", "失业金能领几个月").param("caller", callers.get(1).toString())
            .param("identityCheck", "核对姓名和身份证后四位"),
        calls.apply(callers.get(1))));
    java.util.function.Supplier<Long> tickets = () -> jdbc.sql(
        "select count(*) from consultation.ticket where conversation_id = ?").param(call).query(Long.class).single();
    all.add(new WriteJurisdictionTests.Write("POST /api/consultation/desk/tickets", heping, jiangyang,
        () -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/consultation/desk/tickets")
            .contentType(json).content("{\"conversation\":\"" + call + "\"}"), tickets));
    all.add(new WriteJurisdictionTests.Write("POST /workbench/consultation/desk/ticket", heping, jiangyang,
        () -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/workbench/consultation/desk/ticket")
            .param("conversation", call.toString()), tickets));
    return all;
  }
}
