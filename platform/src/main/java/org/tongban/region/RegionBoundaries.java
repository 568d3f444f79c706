package org.tongban.region;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tongban.region.internal.BoundaryFiles;
import org.tongban.shared.RegionCode;

/**
 * County and city outlines for maps and for placing generated facilities, read from the boundaries folder of the
 * data directory when it is there (see {@code tongban.region.boundaries-dir}). Everything is WGS-84.
 */
@Service
public class RegionBoundaries {

  private final BoundaryFiles files;

  RegionBoundaries(BoundaryFiles files) {
    this.files = files;
  }

  /** Whether any boundary file was found. */
  public boolean available() {
    return !files.all().isEmpty();
  }

  /** The outline of a county or city (6-digit prefix), if a file holds it. */
  public Optional<Boundary> of(RegionCode region) {
    return Optional.ofNullable(files.all().get(region.value().substring(0, 6)));
  }

  /**
   * The outlines to draw for a region: the cities of a province, the counties of a city, a county itself (or the
   * county of a township or village). Empty without files.
   */
  public List<Boundary> forMap(RegionCode region) {
    String p = region.value();
    return switch (region.level()) {
      case PROVINCE -> files.all().values().stream()
          .filter(b -> b.region().value().startsWith(p.substring(0, 2)) && b.region().level() == org.tongban.shared.RegionLevel.CITY)
          .toList();
      case CITY -> files.all().values().stream()
          .filter(b -> b.region().value().startsWith(p.substring(0, 4)) && b.region().level() == org.tongban.shared.RegionLevel.COUNTY)
          .toList();
      default -> of(region).stream().toList();
    };
  }
}
