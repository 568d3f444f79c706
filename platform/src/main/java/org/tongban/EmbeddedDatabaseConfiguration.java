package org.tongban;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Embedded mode: when {@code spring.datasource.url} is not set, start PostgreSQL under
 * {@code tongban.data-dir}/postgres and connect to it. With a URL configured this class does nothing and
 * Spring Boot's own datasource applies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

  /** Hikari's own settings ({@code spring.datasource.hikari.*}: minimum idle, timeouts) apply to this pool too. */
  @Bean
  @org.springframework.boot.context.properties.ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(Environment env) {
    Path dataDir = Path.of(env.getProperty("tongban.data-dir", "data"));
    var database = EmbeddedDatabase.in(dataDir.resolve("postgres"), dataDir.resolve("keys/database.keys"));
    var ds = new HikariDataSource();
    ds.setJdbcUrl(database.jdbcUrl());
    ds.setUsername("postgres");
    ds.setPassword(database.password());
    ds.setMaximumPoolSize(env.getProperty("tongban.embedded.pool-size", Integer.class, 20));
    ds.setPoolName("tongban-embedded");
    return ds;
  }
}
