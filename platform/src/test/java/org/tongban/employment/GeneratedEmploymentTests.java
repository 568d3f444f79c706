package org.tongban.employment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.person.GeneratedResidents;
import org.tongban.shared.CreditCode;

/** The demo's employers, vacancies and seekers (#13.9): sized from the census, valid, labelled generated everywhere. */
@SpringBootTest
@Tag("persistence")
class GeneratedEmploymentTests {

  @Autowired GeneratedEmployment generated;
  @Autowired GeneratedResidents residents;
  @Autowired JobBoard board;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void employersVacanciesAndSeekersAreGeneratedValidAndLabelled() {
    tx.executeWithoutResult(status -> {
      status.setRollbackOnly();
      residents.generate(3000, 41);
      var made = generated.generate(7);
      // About one employer per 100,000 people in the counties that have generated adults.
      assertThat(made.units()).isBetween(100, 600);
      assertThat(made.vacancies()).isBetween(made.units(), made.units() * 3);
      assertThat(made.seekers()).isPositive();
      var codes = jdbc.sql("select credit_code from unit.unit where generated").query(String.class).list();
      assertThat(codes).hasSize(made.units()).allSatisfy(c -> assertThat(new CreditCode(c).value()).isEqualTo(c));
      assertThat(jdbc.sql("select count(*) from unit.unit where generated and name not like '%（生成）'")
          .query(Long.class).single()).isZero();
      assertThat(jdbc.sql("select count(*) from employment.vacancy where generated and (title not like '%（生成）'"
          + " or posted_by <> 'generated')").query(Long.class).single()).isZero();
      assertThat(jdbc.sql("select count(*) from employment.seeker s join person.person p on p.id = s.person_id"
          + " where s.generated and not p.generated").query(Long.class).single()).isZero();
      // The board finds them in everyday words.
      assertThat(board.search("开叉车", null, null, 0, 5).items()).isNotEmpty()
          .allSatisfy(v -> assertThat(v.title()).contains("叉车"));
    });
  }
}
