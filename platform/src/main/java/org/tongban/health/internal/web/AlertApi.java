package org.tongban.health.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.health.Alert;
import org.tongban.health.EarlyWarning;

/** Early-warning alerts for the CDC staff of their jurisdiction: list, one alert, verification, closure. */
@RestController
@Tag(name = "Early warning (早期监测预警)")
class AlertApi {

  private final EarlyWarning warning;

  AlertApi(EarlyWarning warning) {
    this.warning = warning;
  }

  @GetMapping("/api/health/alerts")
  @Operation(summary = "Alerts of the caller's jurisdiction, open first, newest first")
  List<Alert> list(@RequestParam(defaultValue = "200") int limit) {
    return warning.alerts(limit);
  }

  @GetMapping("/api/health/alerts/{id}")
  @Operation(summary = "One alert with its method, threshold and the baseline that triggered it")
  Alert one(@PathVariable UUID id) {
    return warning.alert(id);
  }

  record Verification(@Nullable String note) {}

  @PostMapping("/api/health/alerts/{id}/verification")
  @Operation(summary = "Verify an open alert (核实), saying what was found")
  Alert verify(@PathVariable UUID id, @RequestBody Verification v) {
    return warning.verify(id, v.note());
  }

  record Closure(boolean outbreak, @Nullable String note) {}

  @PostMapping("/api/health/alerts/{id}/closure")
  @Operation(summary = "Close a verified alert: an outbreak or not, and why")
  Alert close(@PathVariable UUID id, @RequestBody Closure c) {
    return warning.close(id, c.outbreak(), c.note());
  }
}
