package org.tongban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The embedded server asks every connection for the generated password, local ones included. */
@SpringBootTest
@Tag("persistence")
class EmbeddedDatabaseTests {

  @Autowired DataSource dataSource;
  @Value("${tongban.data-dir}") Path dataDir;
  @Value("${spring.datasource.url:}") String externalUrl;

  @Test
  void aLocalConnectionWithoutThePasswordIsRefused() throws Exception {
    assumeTrue(externalUrl.isEmpty(), "runs against the embedded server only");
    String url = ((HikariDataSource) dataSource).getJdbcUrl();
    assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class)
        .hasMessageContaining("password");
    assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres")).isInstanceOf(SQLException.class);
    Path keys = dataDir.resolve("keys/database.keys");
    assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE));
    try (var connection = dataSource.getConnection(); var rs = connection.createStatement()
        .executeQuery("select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'postgres'")) {
      assertThat(rs.next() && rs.getBoolean(1)).isTrue();
    }
  }
}
