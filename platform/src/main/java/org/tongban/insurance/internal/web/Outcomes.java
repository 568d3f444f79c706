package org.tongban.insurance.internal.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.shared.Refusal;

/** How an insurance page tells the outcome of a post after redirecting: done, or the refusal in the reader's language. */
final class Outcomes {

  private Outcomes() {}

  static void refused(Refusal refusal, RedirectAttributes redirect, MessageSource messages) {
    redirect.addFlashAttribute("refusal", messages.getMessage("problem." + refusal.code(), refusal.arguments(),
        refusal.code(), LocaleContextHolder.getLocale()));
    redirect.addFlashAttribute("problems", refusal.problems());
  }

  static void done(String key, RedirectAttributes redirect, Object... args) {
    redirect.addFlashAttribute("done", key);
    if (args.length > 0) redirect.addFlashAttribute("doneArgs", args);
  }

  /** Runs {@code work}: done with {@code done}, or refused in words; the caller redirects either way. */
  static void attempt(RedirectAttributes redirect, MessageSource messages, String done, Runnable work) {
    try {
      work.run();
      done(done, redirect);
    } catch (Refusal refusal) {
      refused(refusal, redirect, messages);
    }
  }
}
