package org.tongban.consultation.internal.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tongban.shared.Refusal;

/** A refusal shown on a 12333 page, in the reader's language with its arguments; "not found" stays a 404. */
@Component
class RefusalText {

  private final MessageSource messages;

  RefusalText(MessageSource messages) {
    this.messages = messages;
  }

  String text(Refusal refused) {
    if (refused.status() == 404) throw refused;
    return messages.getMessage("problem." + refused.code(), refused.arguments(), refused.code(),
        LocaleContextHolder.getLocale());
  }
}
