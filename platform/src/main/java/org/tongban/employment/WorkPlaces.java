package org.tongban.employment;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.RegionCode;

/** Where the employment service has recorded a person working: for services that depend on the place of work. */
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
}
