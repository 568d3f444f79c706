package org.tongban.facility.internal.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tongban.facility.WeeklyHours;

/**
 * Opening hours for pages ({@code ${@hoursWords.of(f.hours())}}): "周一至周五 08:30–17:00", never the "1-5 08:30-17:00"
 * staff type; hours that do not follow the written form are shown as entered.
 */
@Component("hoursWords")
class HoursWords {

  public String of(@Nullable String hours) {
    if (hours == null || hours.isBlank()) return "—";
    boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
    return WeeklyHours.parse(hours).map(h -> h.words(english)).orElse(hours);
  }
}
