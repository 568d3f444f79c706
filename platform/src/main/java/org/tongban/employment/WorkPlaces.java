package org.tongban.employment;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.RegionCode;

/**
 * What the employment service has recorded of a person, for services that depend on it: where they work (就业地参保)
 * and whether they are looking for work (失业保险金).
 */
@Service
@Transactional(readOnly = true)
public class WorkPlaces {

  private final JdbcClient jdbc;

  WorkPlaces(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether a recorded employment (a hire, an approved 就业登记) of the person lies within {@code area}. */
  public boolean worksIn(UUID person, RegionCode area) {
    return jdbc.sql("select exists(select 1 from employment.employment where person_id = ? and region_code like ?)")
        .params(person, area.prefix() + "%").query(Boolean.class).single();
  }

  /** Whether the person has a 求职登记 on record (the 求职要求 of 社会保险法 art. 45). */
  public boolean seeking(UUID person) {
    return jdbc.sql("select exists(select 1 from employment.seeker where person_id = ?)").param(person)
        .query(Boolean.class).single();
  }
}
