package org.tongban.health.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.health.Programme;
import org.tongban.health.PublicHealth;
import org.tongban.health.PublicHealthFigures;
import org.tongban.shared.RegionCode;
import org.tongban.shared.ResultPage;

/**
 * 国家基本公共卫生服务: for the health staff of a region (due lists, enrolment, services done, figures), for clinics'
 * systems of a county (enrolment and services done, bearer token with {@code system/*.write}), and for the resident
 * (her own services).
 */
@RestController
@Tag(name = "Basic public-health services (国家基本公共卫生服务)")
class PublicHealthApi {

  private final PublicHealth services;
  private final PublicHealthFigures figures;

  PublicHealthApi(PublicHealth services, PublicHealthFigures figures) {
    this.services = services;
    this.figures = figures;
  }

  @GetMapping("/api/health/services/due")
  @Operation(summary = "Services due in a region of the caller's jurisdiction: OVERDUE, NOW, SOON (30 days), OPEN, DONE")
  ResultPage<PublicHealth.Item> due(@RequestParam RegionCode region, @RequestParam(required = false) @Nullable Programme programme,
                                    @RequestParam(defaultValue = "OPEN") PublicHealth.Due due,
                                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return services.due(region, programme, due, page, size);
  }

  @GetMapping("/api/health/services/figures")
  @Operation(summary = "Managed residents and on-time rates per programme, for a region and the regions below it")
  List<PublicHealthFigures.Row> figures(@RequestParam RegionCode region,
                                        @RequestParam(required = false) @Nullable Integer year) {
    return figures.rows(region, year == null ? PublicHealth.today().getYear() : year);
  }

  @PostMapping("/api/health/services/enrolments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Enrol a resident of the caller's region in a programme; its services are scheduled")
  PublicHealth.Enrolment enrol(@RequestBody PublicHealth.NewEnrolment enrolment) {
    return services.enrol(enrolment);
  }

  @GetMapping("/api/health/services/enrolments/{id}")
  @Operation(summary = "One enrolment")
  PublicHealth.Enrolment enrolment(@PathVariable UUID id) {
    return services.enrolment(id);
  }

  record Delivery(@Nullable LocalDate day) {}

  @PostMapping("/api/health/services/enrolments/{id}/delivery")
  @Operation(summary = "A pregnancy's delivery: the antenatal visits ahead are void, the postnatal ones due")
  PublicHealth.Enrolment deliver(@PathVariable UUID id, @RequestBody Delivery d) {
    return services.deliver(id, d.day());
  }

  record Closure(@Nullable String reason) {}

  @PostMapping("/api/health/services/enrolments/{id}/closure")
  @Operation(summary = "End a management (moved, recovered, died), with the reason; open services become void")
  PublicHealth.Enrolment close(@PathVariable UUID id, @RequestBody Closure c) {
    return services.close(id, c.reason());
  }

  record Done(@Nullable LocalDate day, @Nullable String note) {}

  @PostMapping("/api/health/services/items/{id}/done")
  @Operation(summary = "Record a service done (once)")
  PublicHealth.Item done(@PathVariable UUID id, @RequestBody Done d) {
    return services.done(id, d.day(), d.note());
  }

  @GetMapping("/api/health/me/services")
  @Operation(summary = "The signed-in resident's basic public-health services")
  List<PublicHealth.Item> mine() {
    return services.mine();
  }

  @PostMapping("/api/health/clinic/services/enrolments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "A clinic's system enrols a resident of its county in a programme")
  PublicHealth.Enrolment clinicEnrols(@RequestBody PublicHealth.NewEnrolment enrolment) {
    return services.enrol(enrolment);
  }

  record Visit(@Nullable UUID item, @Nullable LocalDate day, @Nullable String note) {}

  @PostMapping("/api/health/clinic/services/visits")
  @Operation(summary = "A clinic's system records a service done for a resident of its county")
  PublicHealth.Item clinicVisit(@RequestBody Visit v) {
    if (v.item() == null) throw new org.tongban.health.HealthRefusals.Invalid("item");
    return services.done(v.item(), v.day(), v.note());
  }
}
