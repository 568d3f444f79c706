package org.tongban.consultation.internal.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.tongban.consultation.AgentDesk;
import org.tongban.consultation.Conversations;
import org.tongban.consultation.Tickets;
import org.tongban.shared.Refusal;

/** The 12333 agent console, as a page (坐席工作台) and over HTTP for a telephony system in front of it. */
@Controller
class DeskController {

  private final AgentDesk desk;
  private final Tickets tickets;
  private final RefusalText problems;

  DeskController(AgentDesk desk, Tickets tickets, RefusalText problems) {
    this.desk = desk;
    this.tickets = tickets;
    this.problems = problems;
  }


  @GetMapping("/workbench/consultation/desk")
  String page(@RequestParam(required = false) @Nullable String phone,
              @RequestParam(required = false) @Nullable String idNumber, Model model) {
    boolean byPhone = phone != null && !phone.isBlank();
    if (byPhone || (idNumber != null && !idNumber.isBlank())) {
      try {
        model.addAttribute("caller", (byPhone ? desk.identify(phone) : desk.identifyInPerson(idNumber)).orElse(null));
        model.addAttribute("looked", true);
      } catch (Refusal refused) {
        model.addAttribute("problem", problems.text(refused));
      }
    }
    model.addAttribute("phone", phone);
    return "consultation/desk";
  }

  @ModelAttribute("station")
  boolean station() {
    return desk.atStation();
  }

  @PostMapping("/workbench/consultation/desk")
  String answer(@RequestParam(required = false) @Nullable String question,
                @RequestParam(required = false) @Nullable UUID caller,
                @RequestParam(required = false) @Nullable String identityCheck,
                @RequestParam(required = false) @Nullable String notes, Model model) {
    try {
      model.addAttribute("reply", desk.answer(question, caller, identityCheck, notes));
      model.addAttribute("checked", caller != null);
    } catch (Refusal refused) {
      model.addAttribute("problem", problems.text(refused));
    }
    model.addAttribute("q", question);
    return "consultation/desk";
  }

  @PostMapping("/workbench/consultation/desk/ticket")
  String ticket(@RequestParam UUID conversation, Model model) {
    try {
      model.addAttribute("opened", tickets.openForCaller(conversation).number());
    } catch (Refusal refused) {
      if (refused.status() == 404) throw refused;
      model.addAttribute("problem", problems.text(refused));
    }
    return "consultation/desk";
  }

  record CallerRequest(@Nullable String phone) {}

  @PostMapping("/api/consultation/desk/caller")
  @ResponseBody
  AgentDesk.Caller caller(@RequestBody CallerRequest r) {
    return desk.identify(r.phone()).orElseThrow(() -> new Tickets.TicketNotFound("caller"));
  }

  record ResidentRequest(@Nullable String idNumber) {}

  /** At a station: the resident by the ID card she shows, masked. */
  @PostMapping("/api/consultation/desk/resident")
  @ResponseBody
  AgentDesk.Caller resident(@RequestBody ResidentRequest r) {
    return desk.identifyInPerson(r.idNumber()).orElseThrow(() -> new Tickets.TicketNotFound("resident"));
  }

  record CallRequest(@Nullable String question, @Nullable UUID caller, @Nullable String identityCheck,
                     @Nullable String notes) {}

  @PostMapping("/api/consultation/desk/answers")
  @ResponseBody
  @ResponseStatus(HttpStatus.CREATED)
  Conversations.Reply call(@RequestBody CallRequest r) {
    return desk.answer(r.question(), r.caller(), r.identityCheck(), r.notes());
  }

  record DeskTicketRequest(UUID conversation) {}

  @PostMapping("/api/consultation/desk/tickets")
  @ResponseBody
  @ResponseStatus(HttpStatus.CREATED)
  Tickets.Ticket deskTicket(@RequestBody DeskTicketRequest r) {
    return tickets.openForCaller(r.conversation());
  }
}
