package org.tongban.facility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Opening hours read the way people say them (周一至周五), and round-trip in the form staff type. */
class WeeklyHoursTests {

  private static final String TYPED = "1-5 08:30-17:00; 6-7 09:00-12:00; 2,4 19:00-21:00 延时";

  @Test
  void readsInWordsInBothLanguages() {
    var hours = WeeklyHours.parse(TYPED).orElseThrow();
    assertThat(hours.words(false)).isEqualTo("周一至周五 08:30–17:00；周六、周日 09:00–12:00；周二、周四 19:00–21:00（延时）");
    assertThat(hours.words(true)).isEqualTo("Mon–Fri 08:30–17:00; Sat, Sun 09:00–12:00; Tue, Thu 19:00–21:00 (extended)");
    assertThat(WeeklyHours.parse("1,3-7 10:00-16:00 错时").orElseThrow().words(false))
        .isEqualTo("周一、周三至周日 10:00–16:00（错时）");
  }

  @Test
  void roundTripsTheTypedForm() {
    assertThat(WeeklyHours.parse(TYPED).orElseThrow().toString()).isEqualTo(TYPED);
    assertThat(WeeklyHours.parse("1-5 17:00-08:00")).isEmpty();
  }
}
