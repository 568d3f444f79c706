package org.tongban.audit.internal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.audit.AuditEntry;
import org.tongban.audit.AuditQuery;
import org.tongban.audit.AuditTrail;
import org.tongban.audit.AuditVerification;
import org.tongban.shared.ResultPage;

/** The audit log as JSON for administrators and auditors. */
@RestController
class AuditApi {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private final AuditTrail audit;

  AuditApi(AuditTrail audit) {
    this.audit = audit;
  }

  @GetMapping("/api/audit")
  ResultPage<AuditEntry> search(@RequestParam(required = false) @Nullable String actor,
                                @RequestParam(required = false) @Nullable String action,
                                @RequestParam(required = false) @Nullable String targetId,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return audit.search(query(actor, action, targetId, from, to), page, size);
  }

  @PostMapping("/api/audit/verification")
  AuditVerification verify() {
    return audit.verify();
  }

  static AuditQuery query(@Nullable String actor, @Nullable String action, @Nullable String targetId,
                                  @Nullable LocalDate from, @Nullable LocalDate to) {
    return new AuditQuery(blank(actor), blank(action), null, blank(targetId), start(from),
        to == null ? null : start(to.plusDays(1)));
  }

  private static @Nullable Instant start(@Nullable LocalDate day) {
    return day == null ? null : day.atStartOfDay(CHINA).toInstant();
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
