package org.tongban.consultation.internal.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.consultation.Consultation;

/**
 * 12333 smart consultation, public: the ranked passages that answer a question, each naming the law and the article
 * (第N条), the items to apply for, and a confidence with the offer of a person when it is low.
 */
@RestController
@RequestMapping("/api/consultation")
class ConsultationApi {

  private final Consultation consultation;

  ConsultationApi(Consultation consultation) {
    this.consultation = consultation;
  }

  @GetMapping("/answers")
  Consultation.Answer answer(@RequestParam(name = "q", required = false) @Nullable String question) {
    return consultation.answer(question);
  }
}
