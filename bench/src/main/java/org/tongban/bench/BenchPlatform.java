package org.tongban.bench;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tongban.TongbanApplication;

/**
 * Starts the platform in-process for benchmarks (on a free port): embedded PostgreSQL under
 * {@code bench/target/bench-data} (kept between runs so that the million residents are generated once), or
 * the server in {@code SPRING_DATASOURCE_URL} when that is set.
 */
final class BenchPlatform {

  static final String DATA_DIR = "target/bench-data";

  private BenchPlatform() {}

  static ConfigurableApplicationContext start(String... extra) {
    // Command-line arguments, so that they win over application.properties.
    var arguments = new ArrayList<>(List.of(
        "--tongban.data-dir=" + System.getProperty("tongban.bench.data-dir", DATA_DIR),
        "--logging.level.root=WARN",
        "--logging.level.org.tongban=INFO",
        "--spring.main.banner-mode=off",
        "--server.port=0"));
    for (String e : extra) arguments.add("--" + e);
    return new SpringApplicationBuilder(TongbanApplication.class)
        // The platform is a web application (its sign-in and consent pages need the web configuration);
        // benchmarks that call it in-process start it on a free port nobody uses.
        .web(WebApplicationType.SERVLET)
        .run(arguments.toArray(String[]::new));
  }
}
