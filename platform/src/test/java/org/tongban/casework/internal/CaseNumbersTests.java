package org.tongban.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Case numbers never repeat within a county's day. Random digits did: of 30,000 random eight-digit numbers, two are
 * the same with a probability of 99 % (the birthday bound), and a busy county files that many in a week of days.
 */
@SpringBootTest
@Tag("persistence")
class CaseNumbersTests {

  @Autowired CaseFiles files;

  @Test
  void thirtyThousandNumbersOfOneCountyAndDayAreAllDifferent() {
    var day = LocalDate.of(2026, 12, 3);
    var seen = new HashSet<String>();
    for (int i = 0; i < 30_000; i++) {
      String number = files.nextNumber("210102", day);
      assertThat(number).matches("210102-20261203-\\d{8}");
      seen.add(number);
    }
    assertThat(seen).hasSize(30_000);
  }
}
