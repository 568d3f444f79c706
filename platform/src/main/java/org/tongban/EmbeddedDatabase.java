package org.tongban;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * One embedded PostgreSQL server per data directory and JVM. The platform uses it when no datasource URL is
 * configured; every Spring context of a test JVM shares the same server, so context caching never starts a
 * second one.
 */
public final class EmbeddedDatabase {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final ConcurrentMap<Path, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts (or returns the already running) server whose files live in {@code directory}. The directory is
   * kept: a second start reuses the cluster and its data.
   */
  public static EmbeddedDatabase in(Path directory) {
    return RUNNING.computeIfAbsent(directory.toAbsolutePath().normalize(), EmbeddedDatabase::start);
  }

  private static EmbeddedDatabase start(Path directory) {
    try {
      Files.createDirectories(directory);
      long started = System.nanoTime();
      var postgres = EmbeddedPostgres.builder()
          .setDataDirectory(directory.resolve("pgdata"))
          .setOverrideWorkingDirectory(directory.resolve("run").toFile())
          .setCleanDataDirectory(false)
          .setRegisterShutdownHook(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("max_connections", "200")
          .setServerConfig("shared_buffers", "256MB")
          .setServerConfig("listen_addresses", "127.0.0.1")
          .start();
      var database = new EmbeddedDatabase(postgres);
      database.createDatabaseIfMissing("tongban");
      // Stop only after every Spring context has closed (a JVM hook of our own would race with theirs and
      // pull the database away while beans are still being destroyed).
      SpringApplication.getShutdownHandlers().add(database::close);
      log.info("Embedded PostgreSQL in {} on port {} ready in {} ms", directory, postgres.getPort(),
          (System.nanoTime() - started) / 1_000_000);
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + directory, e);
    }
  }

  private void createDatabaseIfMissing(String name) {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, name);
      if (!exists.executeQuery().next()) {
        try (var create = c.createStatement()) {
          create.execute("create database " + name); // constant name, never user input
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/tongban";
  }

  public DataSource postgresDatabase() {
    return postgres.getPostgresDatabase();
  }

  private void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly", e);
    }
  }
}
