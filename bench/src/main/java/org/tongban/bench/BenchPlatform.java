package org.tongban.bench;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tongban.TongbanApplication;

/**
 * Starts the platform without a web server for benchmarks: embedded PostgreSQL under
 * {@code bench/target/bench-data} (kept between runs so that the million residents are generated once), or
 * the server in {@code SPRING_DATASOURCE_URL} when that is set.
 */
final class BenchPlatform {

  static final String DATA_DIR = System.getProperty("tongban.bench.data-dir", "target/bench-data");

  private BenchPlatform() {}

  static ConfigurableApplicationContext start(String... extra) {
    var properties = new ArrayList<>(List.of(
        "tongban.data-dir=" + DATA_DIR,
        "logging.level.root=WARN",
        "logging.level.org.tongban=INFO",
        "spring.main.banner-mode=off"));
    properties.addAll(List.of(extra));
    return new SpringApplicationBuilder(TongbanApplication.class)
        .web(WebApplicationType.NONE)
        .properties(properties.toArray(String[]::new))
        .run();
  }
}
