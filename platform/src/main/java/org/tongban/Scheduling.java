package org.tongban;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Timed jobs run on one node at a time, however many nodes share the database: every {@code @Scheduled} method also
 * carries ShedLock's {@code @SchedulerLock}, whose lock is a row of {@code scheduling.shedlock} taken by a guarded
 * update with the database's clock (not the nodes' clocks). A node that dies holding a lock frees it after the job's
 * {@code lockAtMostFor}; the frequent jobs hold it for seconds at most, so another node takes over at once.
 * SchedulingTests proves each job is locked and that a job held by another node does not run.
 *
 * <p>The jobs run on a pool of threads, not on one. With virtual threads Spring Boot's default scheduler runs every
 * fixed-delay job on its single scheduler thread, one after another: the indicator applier (every 200 ms), the case
 * process starter (every 100 ms), the audit chainer and the exchange's dispatcher each waited for whichever of the
 * others was running. Each job still never overlaps itself (SchedulingTests: a slow job does not hold up the others).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class Scheduling {

  /**
   * Scheduling settings ({@code tongban.scheduling.*}).
   *
   * @param threads how many timed jobs may run at once on a node
   */
  @ConfigurationProperties("tongban.scheduling")
  record Settings(@DefaultValue("8") int threads) {

    Settings {
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException("tongban.scheduling.threads must be 1 to 64: " + threads);
      }
    }
  }

  @Bean
  ThreadPoolTaskScheduler taskScheduler(Settings settings) {
    var scheduler = new ThreadPoolTaskScheduler();
    scheduler.setPoolSize(settings.threads());
    scheduler.setThreadNamePrefix("scheduling-");
    return scheduler;
  }

  @Bean
  LockProvider lockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("scheduling.shedlock").usingDbTime().build());
  }
}
