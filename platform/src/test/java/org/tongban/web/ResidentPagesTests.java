package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.randomIdNumber;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.casework.Applications;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.person.NewResident;
import org.tongban.person.Residents;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resident pages a newcomer can use without knowing the platform's insides: the contact phone is filled in from the
 * phone their account proved; 撤回 sits apart from uploading and confirming, folded, at the end of the case page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class ResidentPagesTests {

  @Autowired MockMvc mvc;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired Applications applications;
  @Autowired org.tongban.casework.Casework casework;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired org.tongban.organisation.OrganisationDirectory organisations;

  @Test
  void theContactPhoneIsPrefilledAndWithdrawalSitsApart() throws Exception {
    new org.tongban.casework.CaseworkFixtures(organisations, residents, secrets, jdbc).office("hrss", "210102");
    String village = jdbc.sql("select code from region.region where code like '210102%' and level = 5 order by code limit 1")
        .query(String.class).single();
    var id = randomIdNumber("210102");
    var person = as(clerkOf("210102"), () -> residents.register(new NewResident("何晓燕", id.value(), null, village, village)));
    String phone = "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    var resident = org.tongban.identity.internal.ResidentFixtures.accountFor(secrets, person.id(), "何晓燕", id, phone);

    String form = mvc.perform(get("/services/hrss.unemployment-registration/apply").with(user(resident)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(form).containsPattern("id=\"f-contactPhone\"[^>]*value=\"" + phone + "\"");

    var c = as(resident, () -> applications.apply(new NewApplication("hrss.unemployment-benefit", person.id(), Channel.WEB,
        RegionBasis.RESIDENCE, null, json.readTree("{\"applicantName\":\"何晓燕\",\"endDate\":\"2026-10-31\","
            + "\"endReason\":\"合同期满\",\"bankAccount\":\"6222020200112233\",\"contactPhone\":\"" + phone + "\"}"),
        null, null)));
    String page = mvc.perform(get("/my/cases/{id}", c.id()).with(user(resident)).header("Accept-Language", "zh-CN"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    int upload = page.indexOf("enctype=\"multipart/form-data\"");
    int withdraw = page.indexOf("id=\"withdraw\"");
    assertThat(upload).isPositive();
    assertThat(withdraw).as("撤回 comes after the upload form, in its own section").isGreaterThan(upload);
    assertThat(page.substring(withdraw)).contains("<details>").contains("撤回后本申请终止").contains("确认撤回");
    // Leave no open case in the office's queue for the journeys that share it.
    as(resident, () -> casework.withdraw(c.id(), "测试结束"));
  }
}
