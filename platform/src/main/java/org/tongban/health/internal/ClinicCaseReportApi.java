package org.tongban.health.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.health.CaseReports;
import org.tongban.health.Clinics;
import org.tongban.health.HealthRefusals;

/**
 * 传染病报告卡 from a clinic's system: a bearer token of the client-credentials grant with {@code system/*.write}, the
 * client registered as a clinic; the patient a resident of its county. Problems as RFC 9457 details in zh/en.
 */
@RestController
@Tag(name = "Health record (居民电子健康档案)")
class ClinicCaseReportApi {

  private final CaseReports reports;
  private final Clinics clinics;
  private final org.tongban.access.Callers callers;

  ClinicCaseReportApi(CaseReports reports, Clinics clinics, org.tongban.access.Callers callers) {
    this.reports = reports;
    this.clinics = clinics;
    this.callers = callers;
  }

  @PostMapping("/api/health/clinic/case-reports")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Report a case of a notifiable disease (传染病报告卡) for a resident of the clinic's county")
  CaseReports.CaseReport report(@RequestBody CaseReports.NewCaseReport report) {
    var caller = callers.current();
    if (!caller.has("SCOPE_" + Clinics.WRITE)) throw new HealthRefusals.NotAClinic();
    var clinic = clinics.find(caller.name()).orElseThrow(HealthRefusals.NotAClinic::new);
    return reports.report(clinic, report);
  }
}
