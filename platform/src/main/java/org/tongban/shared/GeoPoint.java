package org.tongban.shared;

/**
 * A point in WGS-84 (longitude, latitude in degrees), the datum GPS and OpenStreetMap use. Maps and boundary
 * files from Chinese providers are in GCJ-02 ("Mars" coordinates, GB/T offset of a few hundred metres):
 * convert with {@link #fromGcj02} on the way in and {@link #toGcj02} only for such a map.
 */
public record GeoPoint(double lon, double lat) {

  private static final double A = 6378245.0;
  private static final double EE = 0.00669342162296594323;

  public GeoPoint {
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("not a WGS-84 point: " + lon + "," + lat);
    }
  }

  /** Converts a GCJ-02 point to WGS-84 by inverting the offset (iterated to below 1e-9°, about 0.1 mm). */
  public static GeoPoint fromGcj02(double lon, double lat) {
    if (outsideChina(lon, lat)) return new GeoPoint(lon, lat);
    double wLon = lon;
    double wLat = lat;
    for (int i = 0; i < 10; i++) {
      double[] g = offset(wLon, wLat);
      double dLon = lon - g[0];
      double dLat = lat - g[1];
      wLon += dLon;
      wLat += dLat;
      if (Math.abs(dLon) < 1e-9 && Math.abs(dLat) < 1e-9) break;
    }
    return new GeoPoint(wLon, wLat);
  }

  /** This point in GCJ-02. */
  public GeoPoint toGcj02() {
    if (outsideChina(lon, lat)) return this;
    double[] g = offset(lon, lat);
    return new GeoPoint(g[0], g[1]);
  }

  /** Great-circle distance in metres (haversine, mean Earth radius). */
  public double metresTo(GeoPoint other) {
    double p1 = Math.toRadians(lat);
    double p2 = Math.toRadians(other.lat);
    double dp = p2 - p1;
    double dl = Math.toRadians(other.lon - lon);
    double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  private static boolean outsideChina(double lon, double lat) {
    return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
  }

  private static double[] offset(double lon, double lat) {
    double x = lon - 105.0;
    double y = lat - 35.0;
    double dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
        + (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0
        + (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
        + (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    double dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
        + (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0
        + (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
        + (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    double radLat = lat / 180.0 * Math.PI;
    double magic = Math.sin(radLat);
    magic = 1 - EE * magic * magic;
    double sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
    dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
    return new double[] {lon + dLon, lat + dLat};
  }
}
