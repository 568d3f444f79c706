package org.tongban.bench;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.person.GeneratedResidents;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;

/**
 * Exact lookup of a resident by 公民身份号码 with {@code residents} generated residents stored: HMAC of the
 * number, one unique-index probe, one row. The residents are generated once (seed 42) and kept in the
 * benchmark's data directory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ResidentLookupBenchmark {

  static final long SEED = 42;

  @Param("1000000")
  int residents;

  ConfigurableApplicationContext context;
  Residents registry;
  List<IdNumber> known;
  SplittableRandom random = new SplittableRandom(7);

  @Setup
  public void start() {
    context = BenchPlatform.start();
    var jdbc = context.getBean(JdbcClient.class);
    var generator = context.getBean(GeneratedResidents.class);
    registry = context.getBean(Residents.class);
    long generated = jdbc.sql("select count(*) from person.person where generated").query(Long.class).single();
    if (generated != residents) {
      jdbc.sql("delete from person.person where generated").update();
      generator.generate(residents, SEED);
      jdbc.sql("analyze person.person").update();
    }
    // The generator is deterministic: the same seed names the same people, so we know their numbers.
    known = generator.preview(residents, SEED).stream().map(GeneratedResidents.GeneratedPerson::idNumber)
        .filter(id -> random.nextInt(50) == 0).toList();
  }

  @TearDown
  public void stop() {
    context.close();
  }

  @Benchmark
  public Optional<Resident> lookupByIdNumber() {
    var found = registry.lookup(known.get(random.nextInt(known.size())));
    if (found.isEmpty()) throw new IllegalStateException("a generated resident was not found");
    return found;
  }
}
