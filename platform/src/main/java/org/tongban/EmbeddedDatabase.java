package org.tongban;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.tongban.shared.KeyFile;

/**
 * One embedded PostgreSQL server per data directory and JVM. The platform uses it when no datasource URL is
 * configured; every Spring context of a test JVM shares the same server, so context caching never starts a
 * second one.
 */
public final class EmbeddedDatabase {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final ConcurrentMap<Path, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();
  private static final String PASSWORD_KEY = "postgres-password";

  private final EmbeddedPostgres postgres;
  private final String password;

  private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.password = password;
  }

  /**
   * Starts (or returns the already running) server whose files live in {@code directory}. The directory is
   * kept: a second start reuses the cluster and its data. The superuser's password is generated once and kept in
   * {@code keyFile} (owner-only) with the platform's other keys; every connection, local ones included, must give it
   * (scram-sha-256). A cluster made before that, which trusted every local connection, is given the password and
   * the same rules on its next start.
   */
  public static EmbeddedDatabase in(Path directory, Path keyFile) {
    return RUNNING.computeIfAbsent(directory.toAbsolutePath().normalize(), d -> start(d, keyFile));
  }

  private static EmbeddedDatabase start(Path directory, Path keyFile) {
    try {
      Files.createDirectories(directory);
      long started = System.nanoTime();
      String password = KeyFile.loadOrCreate(keyFile, List.of(PASSWORD_KEY),
          "Tongban: password of the embedded PostgreSQL superuser (generated)").getProperty(PASSWORD_KEY);
      Path passwordFile = Files.createTempFile(directory, "pw", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(passwordFile, password);
      EmbeddedPostgres postgres;
      try {
        postgres = EmbeddedPostgres.builder()
          // A new cluster gets the password and password authentication from initdb itself.
          .setLocaleConfig("pwfile", passwordFile.toString())
          .setLocaleConfig("auth-host", "scram-sha-256")
          .setLocaleConfig("auth-local", "scram-sha-256")
          .setConnectConfig("password", password)
          .setDataDirectory(directory.resolve("pgdata"))
          .setOverrideWorkingDirectory(directory.resolve("run").toFile())
          .setCleanDataDirectory(false)
          .setRegisterShutdownHook(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("max_connections", "200")
          .setServerConfig("shared_buffers", "256MB")
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("password_encryption", "scram-sha-256")
          .start();
      } finally {
        Files.deleteIfExists(passwordFile);
      }
      var database = new EmbeddedDatabase(postgres, password);
      database.requirePassword(directory.resolve("pgdata"));
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

  /** A cluster from before passwords: set the superuser's password, then make every connection give it. */
  private void requirePassword(Path pgdata) throws IOException {
    Path hba = pgdata.resolve("pg_hba.conf");
    String rules = Files.readString(hba);
    if (!rules.lines().anyMatch(l -> !l.strip().startsWith("#") && l.contains("trust"))) return;
    try (Connection c = postgres.getPostgresDatabase().getConnection(); var statement = c.createStatement()) {
      statement.execute("set password_encryption = 'scram-sha-256'");
      // The password is generated here (Base64), never typed by anyone; quoted as a literal all the same.
      statement.execute("alter user postgres password " + quote(password));
      Files.writeString(hba, rules.lines().map(l -> l.strip().startsWith("#") ? l : l.replace("trust", "scram-sha-256"))
          .collect(Collectors.joining("\n", "", "\n")));
      statement.execute("select pg_reload_conf()");
      log.info("Embedded PostgreSQL now requires the generated password for every connection");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot set the embedded PostgreSQL password", e);
    }
  }

  private static String quote(String literal) {
    return "'" + literal.replace("'", "''") + "'";
  }

  /** The generated superuser password (for the platform's own connection pool). */
  public String password() {
    return password;
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
