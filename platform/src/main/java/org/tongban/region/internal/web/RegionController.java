package org.tongban.region.internal.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.region.Population;
import org.tongban.region.Region;
import org.tongban.region.RegionDirectory;
import org.tongban.region.RegionNotFound;
import org.tongban.shared.RegionCode;
import org.tongban.shared.ResultPage;

/**
 * Public reference data: the division tree, one level at a time, and census figures. Region codes are open
 * statistics, so these endpoints are not scoped.
 */
@RestController
@RequestMapping("/api/regions")
class RegionController {

  private final RegionDirectory regions;
  private final org.tongban.region.RegionBoundaries boundaries;

  RegionController(RegionDirectory regions, org.tongban.region.RegionBoundaries boundaries) {
    this.regions = regions;
    this.boundaries = boundaries;
  }

  /**
   * Outlines to draw for a region as a GeoJSON FeatureCollection in WGS-84 (RFC 7946): the cities of a province,
   * the counties of a city, a county itself. Empty when the boundary files are not in the data directory.
   */
  @GetMapping(path = "/{code}/boundaries", produces = "application/geo+json")
  java.util.Map<String, Object> boundaries(@PathVariable String code) {
    var region = regions.get(code);
    var features = boundaries.forMap(region.code()).stream().map(b -> java.util.Map.<String, Object>of(
        "type", "Feature",
        "properties", java.util.Map.of("code", b.region().value(), "name", b.name()),
        "geometry", java.util.Map.of("type", "MultiPolygon", "coordinates",
            b.rings().stream().map(ring -> List.of(java.util.Arrays.stream(ring).map(p -> List.of(
                Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5)).toList())).toList())))
        .toList();
    return java.util.Map.of("type", "FeatureCollection", "features", features);
  }

  /** Provinces, or the children of {@code parent}, paged (never the whole tree at once). */
  @GetMapping
  ResultPage<RegionResponse> children(@RequestParam(required = false) @Nullable String parent,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
    if (parent == null) {
      var provinces = regions.provinces().stream().map(RegionResponse::of).toList();
      return new ResultPage<>(provinces, 0, Math.max(1, provinces.size()), provinces.size());
    }
    var code = regions.get(parent).code();
    return regions.children(code, page, size).map(RegionResponse::of);
  }

  @GetMapping("/search")
  ResultPage<RegionResponse> search(@RequestParam String q, @RequestParam(required = false) @Nullable String within,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
    return regions.search(q, within == null ? null : RegionCode.of(within), page, size).map(RegionResponse::of);
  }

  @GetMapping("/{code}")
  RegionDetailResponse one(@PathVariable String code) {
    var region = regions.get(code);
    List<RegionResponse> trail = regions.trail(region.code()).stream().map(RegionResponse::of).toList();
    long children = regions.children(region.code(), 0, 1).total();
    return new RegionDetailResponse(RegionResponse.of(region), trail, children);
  }

  @GetMapping("/{code}/history")
  List<RegionResponse> history(@PathVariable String code) {
    var history = regions.history(RegionCode.of(code));
    if (history.isEmpty()) throw new RegionNotFound(code);
    return history.stream().map(RegionResponse::of).toList();
  }

  @GetMapping("/{code}/population")
  Population population(@PathVariable String code, @RequestParam(defaultValue = "2020") int year) {
    var region = regions.get(code);
    return regions.population(region.code(), year).orElseThrow(() -> new NoPopulation(code, year));
  }

  record RegionResponse(String code, String name, int level, @Nullable String parent, String kind, String kindZh,
                        String validFrom, @Nullable String validTo, @Nullable String successor) {
    static RegionResponse of(Region r) {
      return new RegionResponse(r.code().value(), r.name(), r.level().number(),
          r.parent() == null ? null : r.parent().value(), r.kind().name(), r.kind().zh(), r.validFrom().toString(),
          r.validTo() == null ? null : r.validTo().toString(), r.successor() == null ? null : r.successor().value());
    }
  }

  record RegionDetailResponse(RegionResponse region, List<RegionResponse> trail, long children) {}

  static final class NoPopulation extends org.tongban.shared.Refusal {
    NoPopulation(String code, int year) {
      super("region.no-population", 404, code, year);
    }
  }
}
