package org.tongban.consultation.internal.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.consultation.Consultation;
import org.tongban.consultation.Conversations;
import org.tongban.consultation.Tickets;
import org.tongban.shared.Refusal;

/**
 * The 12333 pages: the chat (public; a phone-sized variant records the MOBILE channel), the rating of an answer, a
 * resident's tickets, and the office's ticket queue with replies and call-backs. Problems are shown on the page.
 */
@Controller
class ConsultationPages {

  private final Conversations conversations;
  private final Tickets tickets;
  private final RefusalText problems;
  private final org.tongban.organisation.OrganisationDirectory organisations;

  ConsultationPages(Conversations conversations, Tickets tickets, RefusalText problems,
                    org.tongban.organisation.OrganisationDirectory organisations) {
    this.organisations = organisations;
    this.conversations = conversations;
    this.tickets = tickets;
    this.problems = problems;
  }


  @GetMapping("/consultation")
  String chat(@RequestParam(defaultValue = "false") boolean mobile, Model model) {
    model.addAttribute("mobile", mobile);
    return "consultation/chat";
  }

  @PostMapping("/consultation")
  String ask(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "false") boolean mobile,
             Model model) {
    model.addAttribute("mobile", mobile);
    model.addAttribute("q", q == null ? "" : Consultation.masked(q.length() > Consultation.MAX_LENGTH
        ? q.substring(0, Consultation.MAX_LENGTH) : q));
    try {
      model.addAttribute("reply", conversations.ask(q, mobile ? Conversations.Channel.MOBILE : null));
    } catch (Consultation.InvalidQuestion invalid) {
      model.addAttribute("problem", problems.text(invalid));
    }
    return "consultation/chat";
  }

  @PostMapping("/consultation/rating")
  String rate(@RequestParam UUID conversation, @RequestParam(required = false) @Nullable String token,
              @RequestParam int rating, @RequestParam(defaultValue = "false") boolean mobile, Model model) {
    model.addAttribute("mobile", mobile);
    try {
      conversations.rate(conversation, token, rating);
      model.addAttribute("rated", rating);
    } catch (Conversations.InvalidRating invalid) {
      model.addAttribute("problem", problems.text(invalid));
    }
    return "consultation/chat";
  }

  @PostMapping("/my/consultation/tickets")
  String open(@RequestParam(required = false) @Nullable UUID conversation,
              @RequestParam(required = false) @Nullable String question, RedirectAttributes redirect) {
    try {
      var t = tickets.open(conversation, question);
      redirect.addFlashAttribute("opened", t.number());
    } catch (Refusal refused) {
      redirect.addFlashAttribute("problem", problems.text(refused));
    }
    return "redirect:/my/consultation";
  }

  @GetMapping("/my/consultation")
  String mine(Model model) {
    model.addAttribute("tickets", tickets.mine());
    return "consultation/mine";
  }

  @PostMapping("/my/consultation/tickets/{id}/rating")
  String rateTicket(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer satisfaction,
                    RedirectAttributes redirect) {
    try {
      tickets.rate(id, satisfaction);
      redirect.addFlashAttribute("done", "consultation.ticket.rated");
    } catch (Refusal refused) {
      redirect.addFlashAttribute("problem", problems.text(refused));
    }
    return "redirect:/my/consultation";
  }

  @GetMapping("/workbench/consultation")
  String queue(@RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("page", tickets.queue(Math.max(0, page), 20));
    model.addAttribute("departments", organisations.departments());
    return "consultation/workbench";
  }

  @PostMapping("/workbench/consultation/tickets/{id}/reply")
  String reply(@PathVariable UUID id, @RequestParam(required = false) @Nullable String text,
               RedirectAttributes redirect) {
    return onTicket(() -> tickets.reply(id, text), "consultation.ticket.replied", redirect);
  }

  @PostMapping("/workbench/consultation/tickets/{id}/transfer")
  String transfer(@PathVariable UUID id, @RequestParam(required = false) @Nullable String department,
                  @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
    return onTicket(() -> tickets.transfer(id, department, reason), "consultation.ticket.transferred", redirect);
  }

  @PostMapping("/workbench/consultation/tickets/{id}/callback")
  String callback(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note,
                  @RequestParam(required = false) @Nullable Integer satisfaction, RedirectAttributes redirect) {
    return onTicket(() -> tickets.callback(id, note, satisfaction), "consultation.ticket.called-back", redirect);
  }

  /** The desk's action on a ticket, back to the queue with what was done or why not. */
  private String onTicket(java.util.function.Supplier<Tickets.Ticket> action, String done, RedirectAttributes redirect) {
    try {
      var t = action.get();
      redirect.addFlashAttribute("done", done);
      redirect.addFlashAttribute("number", t.number());
    } catch (Refusal refused) {
      redirect.addFlashAttribute("problem", problems.text(refused));
    }
    return "redirect:/workbench/consultation";
  }
}
