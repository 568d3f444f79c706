package org.tongban.insurance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.employment.GeneratedEmployment;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.person.GeneratedResidents;

/**
 * The demo's insurance (#14.9): employers' staff with paid years, pensioners with cards, parameters for the provinces —
 * every row of a generated person marked generated, every parameter's notice saying it is generated; undone after.
 */
@SpringBootTest
@Tag("persistence")
class DemoInsuranceTests {

  @Autowired DemoInsurance demo;
  @Autowired GeneratedEmployment employment;
  @Autowired GeneratedResidents residents;
  @Autowired IndicatorManagement indicators;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  @Test
  void employeesPensionersAndParametersAreGeneratedAndLabelled() {
    tx.executeWithoutResult(status -> {
      status.setRollbackOnly();
      residents.generate(3000, 43);
      employment.generate(9);
      var made = demo.generate(11);
      assertThat(made.employees()).isPositive();
      assertThat(made.pensioners()).isPositive();
      assertThat(count("select count(*) from insurance.award where generated")).isGreaterThanOrEqualTo(made.pensioners());
      assertThat(count("select count(*) from insurance.enrolment e where e.generated and e.person_id in"
          + " (select id from person.person where not generated)")).isZero();
      assertThat(count("select count(*) from insurance.ledger l where l.source = 'generated' and not l.generated"))
          .isZero();
      assertThat(count("select count(*) from insurance.card where generated")).isGreaterThanOrEqualTo(made.pensioners());
      assertThat(count("select count(*) from insurance.rate where generated and notice not like '%生成%'")).isZero();
      assertThat(count("select count(*) from insurance.average_wage where generated and source not like '%生成%'")).isZero();
      assertThat(count("select count(*) from insurance.benefit_standard where generated and notice not like '%生成%'"))
          .isZero();
      // Pensioners' generated ledgers leave nothing in arrears, and every pension can be paid (confirmed this year).
      assertThat(count("select count(*) from insurance.award a where a.generated and not exists (select 1 from"
          + " insurance.qualification q where q.person_id = a.person_id and q.valid_until > current_date)")).isZero();
    });
  }
}
