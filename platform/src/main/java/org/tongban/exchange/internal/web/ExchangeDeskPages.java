package org.tongban.exchange.internal.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.access.Purpose;
import org.tongban.exchange.DeadLetters;
import org.tongban.exchange.Feeds;
import org.tongban.exchange.Subscriptions;
import org.tongban.shared.Refusal;

/**
 * The exchange for a department's staff: the subscriptions of their regions and department (approve or refuse the
 * pending ones with a reason), the pushes parked as dead letters (re-drive), and a subscription's evidence.
 */
@Controller
class ExchangeDeskPages {

  private final Subscriptions subscriptions;
  private final DeadLetters deadLetters;
  private final Feeds feeds;
  private final MessageSource messages;

  ExchangeDeskPages(Subscriptions subscriptions, DeadLetters deadLetters, Feeds feeds, MessageSource messages) {
    this.subscriptions = subscriptions;
    this.deadLetters = deadLetters;
    this.feeds = feeds;
    this.messages = messages;
  }

  @GetMapping("/workbench/exchange")
  String desk(Model model) {
    model.addAttribute("subscriptions", subscriptions.forReview());
    model.addAttribute("deadLetters", deadLetters.open());
    return "exchange/desk";
  }

  @GetMapping("/workbench/exchange/subscriptions/{id}")
  String subscription(@PathVariable UUID id, Model model) {
    model.addAttribute("subscription", subscriptions.forStaff(id, Purpose.VIEW));
    model.addAttribute("evidence", feeds.evidence(id, 100));
    return "exchange/subscription";
  }

  @PostMapping("/workbench/exchange/subscriptions/{id}/decision")
  String decide(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean approve,
                @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
    return act(() -> subscriptions.decide(id, approve, reason), approve ? "exchange.desk.approved"
        : "exchange.desk.refused", redirect);
  }

  @PostMapping("/workbench/exchange/dead-letters/{id}/redrive")
  String redrive(@PathVariable UUID id, RedirectAttributes redirect) {
    return act(() -> {
      deadLetters.redrive(id);
      return null;
    }, "exchange.desk.redriven", redirect);
  }

  /** Does it and goes back to the desk with what was done, or why not; "not found" stays a 404. */
  private String act(java.util.function.Supplier<?> action, String done, RedirectAttributes redirect) {
    try {
      action.get();
      redirect.addFlashAttribute("done", done);
    } catch (Refusal refused) {
      if (refused.status() == 404) throw refused;
      redirect.addFlashAttribute("problem", messages.getMessage("problem." + refused.code(), refused.arguments(),
          refused.code(), LocaleContextHolder.getLocale()));
    }
    return "redirect:/workbench/exchange";
  }
}
