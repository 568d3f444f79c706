package org.tongban.consultation.internal.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.consultation.Consultation;
import org.tongban.consultation.Conversations;
import org.tongban.consultation.Tickets;
import org.tongban.shared.ResultPage;

/**
 * 12333 smart consultation over HTTP. Public: the ranked passages that answer a question (each naming the law and
 * 第N条), and a recorded conversation with its rating. A signed-in resident's own tickets; staff's ticket queue of
 * their jurisdiction, replies and call-backs.
 */
@RestController
@RequestMapping("/api/consultation")
class ConsultationApi {

  private final Consultation consultation;
  private final Conversations conversations;
  private final Tickets tickets;

  ConsultationApi(Consultation consultation, Conversations conversations, Tickets tickets) {
    this.consultation = consultation;
    this.conversations = conversations;
    this.tickets = tickets;
  }

  /** The ranked sources for a question, nothing recorded. */
  @GetMapping("/answers")
  Consultation.Answer answer(@RequestParam(name = "q", required = false) @Nullable String question) {
    return consultation.answer(question);
  }

  record AskRequest(@Nullable String question, Conversations.@Nullable Channel channel) {}

  /** Asks and records the conversation: the answer, a personal answer when it is about the asker, a rating token. */
  @PostMapping("/conversations")
  @ResponseStatus(HttpStatus.CREATED)
  Conversations.Reply ask(@RequestBody AskRequest r) {
    return conversations.ask(r.question(), r.channel());
  }

  record RatingRequest(@Nullable String token, int rating) {}

  @PostMapping("/conversations/{id}/rating")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void rate(@PathVariable UUID id, @RequestBody RatingRequest r) {
    conversations.rate(id, r.token(), r.rating());
  }

  record TicketRequest(@Nullable UUID conversation, @Nullable String question) {}

  /** A signed-in resident asks for a person: the ticket goes to the competent office for her county. */
  @PostMapping("/my/tickets")
  @ResponseStatus(HttpStatus.CREATED)
  Tickets.Ticket open(@RequestBody TicketRequest r) {
    return tickets.open(r.conversation(), r.question());
  }

  @GetMapping("/my/tickets")
  List<Tickets.Ticket> mine() {
    return tickets.mine();
  }

  record SatisfactionRequest(@Nullable Integer satisfaction) {}

  @PostMapping("/my/tickets/{id}/rating")
  Tickets.Ticket rateTicket(@PathVariable UUID id, @RequestBody SatisfactionRequest r) {
    return tickets.rate(id, r.satisfaction());
  }

  @GetMapping("/tickets")
  ResultPage<Tickets.Ticket> queue(@RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
    return tickets.queue(page, size);
  }

  @GetMapping("/tickets/{id}")
  Tickets.Ticket ticket(@PathVariable UUID id) {
    return tickets.view(id);
  }

  record ReplyRequest(@Nullable String text) {}

  @PostMapping("/tickets/{id}/reply")
  Tickets.Ticket reply(@PathVariable UUID id, @RequestBody ReplyRequest r) {
    return tickets.reply(id, r.text());
  }

  record TransferRequest(@Nullable String department, @Nullable String reason) {}

  /** 转办 to another department's office for the resident's county. */
  @PostMapping("/tickets/{id}/transfer")
  Tickets.Ticket transfer(@PathVariable UUID id, @RequestBody TransferRequest r) {
    return tickets.transfer(id, r.department(), r.reason());
  }

  record CallbackRequest(@Nullable String note, @Nullable Integer satisfaction) {}

  @PostMapping("/tickets/{id}/callback")
  Tickets.Ticket callback(@PathVariable UUID id, @RequestBody CallbackRequest r) {
    return tickets.callback(id, r.note(), r.satisfaction());
  }
}
