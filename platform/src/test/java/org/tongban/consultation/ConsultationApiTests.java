package org.tongban.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.Eventually;
import org.tongban.consultation.internal.Retrieval;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public answer endpoint (#15.2): without signing in, a question in everyday words returns the ranked articles,
 * each naming the law and 第N条, the item to apply for, and a confidence; an unanswerable one offers a person; empty,
 * huge and word-less questions are problems; an ID number in a question never comes back unmasked.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class ConsultationApiTests {

  @Autowired MockMvc mvc;
  @Autowired Retrieval retrieval;
  @Autowired JsonMapper json;

  @BeforeEach
  void embeddingsIn() {
    Eventually.until("the knowledge base's embeddings", Duration.ofMinutes(15), retrieval::dense);
  }

  @Test
  void anEverydayQuestionGetsTheArticleTheItemAndAConfidence() throws Exception {
    var body = mvc.perform(get("/api/consultation/answers").param("q", "我交了三年失业保险被裁了，失业金能领几个月？"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.method").value("hybrid"))
        .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    var answer = json.readValue(body, Consultation.Answer.class);
    assertThat(answer.passages().subList(0, 3)).anySatisfy(p -> {
      assertThat(p.law()).isIn("中华人民共和国社会保险法", "失业保险条例");
      assertThat(p.article()).isIn("第四十六条", "第十七条");
    });
    assertThat(answer.passages()).filteredOn(p -> p.kind() == Passage.Kind.LAW)
        .allSatisfy(p -> assertThat(p.article()).matches("第[一二三四五六七八九十百零]+条"));
    assertThat(answer.items()).extracting(Consultation.ItemLink::code).contains("hrss.unemployment-benefit");
    assertThat(answer.items()).allSatisfy(i -> assertThat(i.link()).isEqualTo("/services/" + i.code()));
    assertThat(answer.confidence()).isGreaterThan(0.5);
    assertThat(answer.offerPerson()).isFalse();
  }

  @Test
  void somethingTheBaseDoesNotCoverOffersAPersonInsteadOfAGuess() throws Exception {
    mvc.perform(get("/api/consultation/answers").param("q", "明天沈阳会下雪吗，要不要穿羽绒服"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.offerPerson").value(true));
  }

  @Test
  void emptyHugeAndWordlessQuestionsAreProblemsAndIdNumbersAreMasked() throws Exception {
    mvc.perform(get("/api/consultation/answers").param("q", "  "))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    mvc.perform(get("/api/consultation/answers").param("q", "失".repeat(2001)))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/consultation/answers").param("q", "😀😀😀！！"))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/consultation/answers").param("q", "<script>alert(1)</script>失业金"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("application/json"));
    var body = mvc.perform(get("/api/consultation/answers").param("q", "我身份证210106199001011234，失业金能领多久"))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(body).doesNotContain("210106199001011234").contains("210106********1234");
  }
}
