package org.tongban.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.ConfigurableApplicationContext;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.RegionCode;

/**
 * Descendants of Liaoning (≈ 18,000 units, one indexed prefix query) and "is inside" checks, as latency
 * distributions (SampleTime gives p50/p99).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RegionBenchmark {

  ConfigurableApplicationContext context;
  RegionDirectory regions;
  List<RegionCode> villages;
  List<RegionCode> cities;
  SplittableRandom random = new SplittableRandom(1);

  @Setup
  public void start() {
    context = BenchPlatform.start();
    regions = context.getBean(RegionDirectory.class);
    villages = regions.descendants(RegionCode.of("21")).stream()
        .filter(c -> c.level() == org.tongban.shared.RegionLevel.VILLAGE).toList();
    cities = regions.children(RegionCode.of("21"), 0, 20).items().stream().map(r -> r.code()).toList();
  }

  @TearDown
  public void stop() {
    context.close();
  }

  /** Every current unit below Liaoning, as codes. */
  @Benchmark
  public List<RegionCode> descendantsOfLiaoning() {
    return regions.descendants(RegionCode.of("21"));
  }

  /** "Is this village inside this city": the prefix test the jurisdiction and roll-ups use. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public boolean isInside() {
    return regions.contains(cities.get(random.nextInt(cities.size())), villages.get(random.nextInt(villages.size())));
  }

  /** "Is inside" for a code typed by a person: first check that it is a current unit (one indexed query). */
  @Benchmark
  public boolean isInsideCheckedAgainstTheDatabase() {
    var village = villages.get(random.nextInt(villages.size()));
    return regions.exists(village) && regions.contains(cities.get(random.nextInt(cities.size())), village);
  }
}
