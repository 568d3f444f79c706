package org.tongban.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;
import static org.tongban.casework.CaseworkFixtures.HEPING;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.tongban.Eventually;
import org.tongban.StaffFixtures;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.facility.FacilityDraft;
import org.tongban.facility.FacilityRegistry;
import org.tongban.facility.FacilityStatus;
import org.tongban.facility.FeeRule;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import tools.jackson.databind.json.JsonMapper;

/**
 * #16.9: "none lost when the platform is killed right after a commit". The platform runs in a second process on this
 * test's database, committing shared changes one after another while its dispatcher turns them into messages; the
 * test kills it with SIGKILL mid-stream, then dispatches what is left here (as the restarted platform would) and
 * compares: every committed change is a message exactly once, in the order the changes were made, numbered without a
 * gap — and nothing beyond what was committed.
 */
@SpringBootTest
@Tag("persistence")
class KillNineTests {

  @Autowired FacilityRegistry registry;
  @Autowired Subscriptions subscriptions;
  @Autowired Dispatcher dispatcher;
  @Autowired Feeds feeds;
  @Autowired RegisteredClientRepository clients;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired DataSource dataSource;
  @Autowired Environment environment;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;

  @Test
  void aPlatformKilledMidStreamLosesNoCommittedChangeAndDoublesNone(@TempDir Path dataDir) throws Exception {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    var township = fixtures.township(HEPING);
    var facility = as(officerOf(HEPING, "education"), () -> registry.register(new FacilityDraft("childcare.kindergarten",
        "断电幼儿园", township, 123.3890, 41.7460, "GCJ02", "1-5 07:30-17:30", FeeRule.CHARGED, new BigDecimal("600"),
        FacilityStatus.OPEN, LocalDate.of(2020, 9, 1), Map.of("ownership", "公办", "inclusive", "是", "stars", "4",
            "seats", "100000", "enrolled", "0", "townshipCentre", "否"), List.of())));
    String client = "crash-system-" + UUID.randomUUID().toString().substring(0, 8);
    ExchangeFixtures.system(clients, client);
    as(StaffFixtures.clerkOf("21", "ROLE_ADMIN"), () -> subscriptions.register(client, "和平区学位系统",
        "education", HEPING, org.tongban.exchange.spi.ResourceDescriptor.Sensitivity.AGGREGATE, null));
    var subscription = subscriptions.apply(client, "facility.facilities", HEPING, "和平区空余学位实时同步", null, null).id();

    var child = start(facility.id().toString(), dataDir);
    var committed = new AtomicLong();
    var output = new ArrayList<String>();
    Thread reader = Thread.ofVirtual().start(() -> {
      try (var in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          if (line.startsWith("COMMITTED ")) committed.set(Long.parseLong(line.substring(10)));
          else synchronized (output) {
            output.add(line);
            if (output.size() > 200) output.removeFirst();
          }
        }
      } catch (java.io.IOException ignored) {
        // the process is gone
      }
    });
    try {
      // Killed once it has committed a good stream and its dispatcher has made messages of part of it.
      Eventually.until("the second platform committing and dispatching", Duration.ofMinutes(4), () -> {
        if (!child.isAlive()) {
          synchronized (output) {
            throw new AssertionError("the second platform stopped: " + String.join("\n", output));
          }
        }
        return committed.get() >= 400 && delivered(client, subscription) >= 100;
      });
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush, mid-transaction
      child.waitFor();
    } finally {
      child.destroyForcibly();
    }
    reader.join(Duration.ofSeconds(10));

    // What the database holds is what was committed (the last COMMITTED line may not have been printed).
    int taken = registry.view(facility.id()).occupied();
    assertThat((long) taken).isGreaterThanOrEqualTo(committed.get());
    System.out.printf("kill -9: %d changes committed (%d printed), %d messages made before the kill%n", taken,
        committed.get(), delivered(client, subscription));

    dispatcher.dispatchAll(); // the restarted platform's first run
    dispatcher.dispatchAll(); // and a second: nothing more
    var occupied = new ArrayList<Integer>();
    var seqs = new ArrayList<Long>();
    long after = 0;
    while (true) {
      var page = feeds.read(client, subscription, after, 500);
      if (page.messages().isEmpty()) break;
      for (var m : page.messages()) {
        seqs.add(m.seq());
        var claims = com.nimbusds.jose.JWSObject.parse(m.jws()).getPayload().toJSONObject();
        if (claims.get("key").equals(facility.id().toString())) {
          occupied.add(((Number) ((Map<?, ?>) claims.get("fields")).get("occupied")).intValue());
        }
        after = m.seq();
      }
    }
    assertThat(seqs).as("numbered without a gap").isEqualTo(java.util.stream.LongStream.rangeClosed(1, seqs.size())
        .boxed().toList());
    assertThat(occupied).as("every committed change once, in order, nothing uncommitted")
        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, taken).boxed().toList());
  }

  private long delivered(String client, UUID subscription) {
    return subscriptions.ofClient(client, subscription).delivered();
  }

  /** The platform from this test's classpath, on this test's database with a copy of its keys. */
  private Process start(String facility, Path dataDir) throws Exception {
    var source = Path.of(environment.getProperty("tongban.data-dir", "data")).toAbsolutePath().resolve("keys");
    Files.createDirectories(dataDir.resolve("keys"));
    try (Stream<Path> keys = Files.list(source)) {
      for (var key : keys.toList()) Files.copy(key, dataDir.resolve("keys").resolve(key.getFileName()));
    }
    var hikari = (HikariDataSource) dataSource;
    String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    var command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:TieredStopAtLevel=1",
        "-Dcommitting.facility=" + facility, "-cp", System.getProperty("java.class.path"),
        CommittingPlatform.class.getName(),
        "--tongban.data-dir=" + dataDir, "--server.port=0", "--tongban.exchange.initial-delay=PT0.2S",
        "--tongban.exchange.dispatch-interval=PT0.05S", "--logging.level.root=WARN"));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    // The database by the environment, as CI's external server is given: the password stays off the command line.
    builder.environment().put("SPRING_DATASOURCE_URL", hikari.getJdbcUrl());
    builder.environment().put("SPRING_DATASOURCE_USERNAME", hikari.getUsername());
    builder.environment().put("SPRING_DATASOURCE_PASSWORD", hikari.getPassword());
    return builder.start();
  }
}
