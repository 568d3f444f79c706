package org.tongban.health.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.health.AccessEntry;
import org.tongban.health.Clinic;
import org.tongban.health.ClinicKind;
import org.tongban.health.Clinics;
import org.tongban.health.HealthRecords;
import org.tongban.health.RecordEntry;

/**
 * The record's REST side for people (the FHIR API under {@code /fhir} is for clinics' systems): a resident's own record
 * and its access log, a report of a look; administrators register clinics.
 */
@RestController
@Tag(name = "Health record (居民电子健康档案)")
class HealthApi {

  private final HealthRecords records;
  private final Clinics clinics;

  HealthApi(HealthRecords records, Clinics clinics) {
    this.records = records;
    this.clinics = clinics;
  }

  @GetMapping("/api/health/me/record")
  @Operation(summary = "The signed-in resident's record, newest first (the look is logged)")
  List<RecordEntry> record() {
    return records.mine();
  }

  @GetMapping("/api/health/me/access")
  @Operation(summary = "Who looked at or wrote the signed-in resident's record, newest first")
  List<AccessEntry> access(@RequestParam(defaultValue = "100") int limit) {
    return records.myAccess(limit);
  }

  record Report(@Nullable String reason) {}

  @PostMapping("/api/health/me/access/{id}/report")
  @Operation(summary = "Report a look at one's record one did not expect, saying why")
  AccessEntry report(@PathVariable long id, @RequestBody Report report) {
    return records.report(id, report.reason());
  }

  record NewClinic(@Nullable String clientId, @Nullable String name, @Nullable ClinicKind kind, @Nullable String region) {}

  @PostMapping("/api/health/clinics")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Register an OIDC client (client credentials, system/*.write and system/*.read) as a clinic")
  Clinic register(@RequestBody NewClinic clinic) {
    return clinics.register(clinic.clientId(), clinic.name(), clinic.kind(), clinic.region());
  }

  @GetMapping("/api/health/clinics")
  @Operation(summary = "The clinics of the caller's jurisdiction (health department)")
  List<Clinic> list() {
    return clinics.list();
  }
}
