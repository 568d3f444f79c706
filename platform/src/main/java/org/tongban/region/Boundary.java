package org.tongban.region;

import java.util.List;
import org.tongban.shared.GeoPoint;
import org.tongban.shared.RegionCode;

/**
 * The outline of a county or city in WGS-84 (converted from the GCJ-02 files): polygons as rings of
 * {@code [lon, lat]} pairs; a point is inside when it lies inside an odd number of rings (holes count).
 */
public record Boundary(RegionCode region, String name, List<double[][]> rings, double minLon, double minLat,
                       double maxLon, double maxLat) {

  public Boundary {
    rings = List.copyOf(rings);
  }

  public boolean contains(GeoPoint p) {
    if (p.lon() < minLon || p.lon() > maxLon || p.lat() < minLat || p.lat() > maxLat) return false;
    boolean inside = false;
    for (double[][] ring : rings) {
      for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        double xi = ring[i][0];
        double yi = ring[i][1];
        double xj = ring[j][0];
        double yj = ring[j][1];
        if ((yi > p.lat()) != (yj > p.lat()) && p.lon() < (xj - xi) * (p.lat() - yi) / (yj - yi) + xi) {
          inside = !inside;
        }
      }
    }
    return inside;
  }
}
