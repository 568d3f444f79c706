package org.tongban.consultation;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.organisation.Office;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/**
 * Where a ticket goes: the department of the item the answer pointed to, else the one the law belongs to (data), else
 * government services; that department's office for the resident's county, else the city's, else the province's; and
 * when overdue, the office a level up.
 */
@Component
class TicketRouting {

  private final JdbcClient jdbc;
  private final ServiceCatalogue catalogue;
  private final OrganisationDirectory organisations;

  TicketRouting(JdbcClient jdbc, ServiceCatalogue catalogue, OrganisationDirectory organisations) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
    this.organisations = organisations;
  }

  /** The department for a question: the item's, else the law's (data), else government services. */
  String department(@Nullable String itemCode, @Nullable String law) {
    if (itemCode != null) {
      var item = catalogue.current(itemCode);
      if (item.isPresent()) return item.get().spec().department();
    }
    if (law != null) {
      var d = jdbc.sql("select department from consultation.law_department where law = ?").param(law)
          .query(String.class).optional();
      if (d.isPresent()) return d.get();
    }
    return "government-services";
  }

  /** The department's office for the region's county, else its city's, else the province's. */
  Optional<Office> competentOffice(String department, RegionCode region) {
    for (var level : List.of(RegionLevel.COUNTY, RegionLevel.CITY, RegionLevel.PROVINCE)) {
      var at = region.atLevel(level);
      if (at == null) continue;
      var office = organisations.officeAt(department, at);
      if (office.isPresent()) return office;
    }
    return Optional.empty();
  }

  /** The department's office a level above {@code at} (county → city → province). */
  Optional<Office> higherOffice(String department, RegionCode at) {
    for (var level : List.of(RegionLevel.CITY, RegionLevel.PROVINCE)) {
      if (level.ordinal() >= at.level().ordinal()) continue;
      var region = at.atLevel(level);
      if (region == null || region.equals(at)) continue;
      var office = organisations.officeAt(department, region);
      if (office.isPresent()) return office;
    }
    return Optional.empty();
  }
}
