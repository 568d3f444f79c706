package org.tongban.health.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.facility.FacilityId;
import org.tongban.health.BedCapacity;
import org.tongban.shared.RegionCode;

/** 床位日报: hospitals' daily bed reports and the free capacity by area, for the health staff of their jurisdiction. */
@RestController
@Tag(name = "Treatment network (\"1+3+X\" 救治体系)")
class CapacityApi {

  private final BedCapacity capacity;

  CapacityApi(BedCapacity capacity) {
    this.capacity = capacity;
  }

  @GetMapping("/api/health/capacity")
  @Operation(summary = "Free beds (general, isolation, ICU) in a region and the areas below it, from today's or yesterday's reports")
  List<BedCapacity.Area> areas(@RequestParam RegionCode region) {
    return capacity.areas(region);
  }

  @PostMapping("/api/health/capacity/hospitals/{id}/reports")
  @Operation(summary = "A hospital's bed report for a day (today or the two days before); a second one that day replaces it")
  BedCapacity.Report report(@PathVariable FacilityId id, @RequestBody BedCapacity.NewReport report) {
    return capacity.report(id, report);
  }

  @GetMapping("/api/health/capacity/hospitals/{id}/reports")
  @Operation(summary = "A hospital's latest bed reports, newest first")
  List<BedCapacity.Report> reports(@PathVariable FacilityId id, @RequestParam(defaultValue = "30") int limit) {
    return capacity.reports(id, limit);
  }
}
