package org.tongban.region.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tongban.region.Boundary;
import org.tongban.shared.GeoPoint;
import org.tongban.shared.RegionCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads every *.geojson below the boundaries folder once (1.2 MB for Liaoning and Luzhou), keyed by adcode. */
@Component
public class BoundaryFiles {

  private static final Logger log = LoggerFactory.getLogger(BoundaryFiles.class);
  private final @Nullable Path dir;
  private final JsonMapper json;
  private volatile @Nullable Map<String, Boundary> all;

  BoundaryFiles(RegionSettings settings, JsonMapper json) {
    this.json = json;
    Path chosen = settings.boundariesDir();
    if (chosen == null) {
      chosen = Stream.of("../shared/data/boundaries", "../../shared/data/boundaries").map(Path::of)
          .filter(Files::isDirectory).findFirst().orElse(null);
    }
    this.dir = chosen;
  }

  public Map<String, Boundary> all() {
    var loaded = all;
    if (loaded == null) {
      synchronized (this) {
        if (all == null) all = load();
        loaded = all;
      }
    }
    return loaded;
  }

  private Map<String, Boundary> load() {
    var result = new TreeMap<String, Boundary>();
    if (dir == null || !Files.isDirectory(dir)) {
      log.info("No boundary files (tongban.region.boundaries-dir): maps show markers only");
      return result;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".geojson")).sorted().toList()) {
        for (JsonNode feature : json.readTree(file.toFile()).path("features")) {
          String adcode = feature.path("properties").path("adcode").asString();
          if (!adcode.matches("\\d{6}") || adcode.endsWith("0000")) continue;
          var rings = new ArrayList<double[][]>();
          var geometry = feature.path("geometry");
          var polygons = geometry.path("type").asString().equals("Polygon")
              ? List.of(geometry.path("coordinates")) : geometry.path("coordinates").valueStream().toList();
          double[] box = {180, 90, -180, -90};
          for (JsonNode polygon : polygons) {
            for (JsonNode ring : polygon) {
              var points = new double[ring.size()][];
              int i = 0;
              for (JsonNode pair : ring) {
                var p = GeoPoint.fromGcj02(pair.get(0).asDouble(), pair.get(1).asDouble());
                points[i++] = new double[] {p.lon(), p.lat()};
                box[0] = Math.min(box[0], p.lon());
                box[1] = Math.min(box[1], p.lat());
                box[2] = Math.max(box[2], p.lon());
                box[3] = Math.max(box[3], p.lat());
              }
              rings.add(points);
            }
          }
          var code = RegionCode.of(adcode);
          result.put(adcode, new Boundary(code, feature.path("properties").path("name").asString(), rings, box[0], box[1],
              box[2], box[3]));
        }
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Boundary files under {} could not be read: {}", dir, e.toString());
      return new TreeMap<>();
    }
    log.info("Read {} boundaries (GCJ-02 converted to WGS-84) from {}", result.size(), dir);
    return result;
  }
}
