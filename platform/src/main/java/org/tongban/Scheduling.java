package org.tongban;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Timed jobs run on one node at a time, however many nodes share the database: every {@code @Scheduled} method also
 * carries ShedLock's {@code @SchedulerLock}, whose lock is a row of {@code scheduling.shedlock} taken by a guarded
 * update with the database's clock (not the nodes' clocks). A node that dies holding a lock frees it after the job's
 * {@code lockAtMostFor}; the frequent jobs hold it for seconds at most, so another node takes over at once.
 * SchedulingTests proves each job is locked and that a job held by another node does not run.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class Scheduling {

  @Bean
  LockProvider lockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("scheduling.shedlock").usingDbTime().build());
  }
}
