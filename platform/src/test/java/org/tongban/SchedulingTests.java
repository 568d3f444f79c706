package org.tongban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ReflectionUtils;
import org.tongban.audit.AuditTrail;

/**
 * Timed jobs with several nodes on one database (#18.1): every {@code @Scheduled} job takes a lock of its own name
 * (ShedLock, a row of {@code scheduling.shedlock}) through a proxy that honours it; a job whose lock another node
 * holds is not taken here, and runs once the lock is free. (The
 * national link's job exists only with a national endpoint configured; the first check covers it when it does.)
 */
@SpringBootTest
@Tag("persistence")
class SchedulingTests {

  @Autowired org.springframework.context.ConfigurableApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired AuditTrail audit;

  @Test
  void everyTimedJobTakesALockOfItsOwnName() {
    var jobs = new TreeMap<String, String>();
    var unlocked = new ArrayList<String>();
    for (String name : context.getBeanDefinitionNames()) {
      var definition = context.getBeanFactory().getBeanDefinition(name);
      if (!definition.isSingleton() || definition.isAbstract() || definition.isLazyInit()) continue;
      Object bean = context.getBean(name);
      Class<?> type = AopUtils.getTargetClass(bean);
      for (Method m : type.getDeclaredMethods()) {
        if (!m.isAnnotationPresent(Scheduled.class)) continue;
        var lock = m.getAnnotation(SchedulerLock.class);
        if (lock == null || !AopUtils.isAopProxy(bean)) {
          unlocked.add(type.getSimpleName() + "." + m.getName());
          continue;
        }
        var before = jobs.put(lock.name(), type.getSimpleName() + "." + m.getName());
        assertThat(before).as("lock name %s used twice", lock.name()).isNull();
      }
    }
    assertThat(unlocked).as("timed jobs without a lock").isEmpty();
    assertThat(jobs).containsKeys("audit.chain", "audit.checkpoint", "audit.retention", "indicator.apply",
        "booking.no-show-sweep", "exchange.dispatch", "exchange.push", "exchange.retention",
        "health.detect", "health.escalate", "health.public-health-daily", "insurance.monthly-payment-run",
        "insurance.qualification-reminders", "consultation.ticket-escalation", "events.retry");
  }

  /**
   * The audit chainer while another node holds its lock: a run here does not take the lock (the row stays the other
   * node's); once it is free the next run takes it and chains what is staged. (Whether a staged entry stays staged
   * meanwhile is not asked: reads of the trail and the minute's checkpoint chain staged entries themselves, by design,
   * on their own row lock.) Times in UTC, as ShedLock keeps them with the database's clock.
   */
  @Test
  void aJobAnotherNodeHoldsDoesNotRunHereUntilItIsFree() throws Exception {
    String action = "scheduling.test-" + UUID.randomUUID();
    Object chainer = context.getBean("auditScheduling");
    Method chain = ReflectionUtils.findMethod(chainer.getClass(), "chain");
    ReflectionUtils.makeAccessible(chain);
    try {
      jdbc.sql("""
              insert into scheduling.shedlock (name, lock_until, locked_at, locked_by)
              values ('audit.chain', timezone('utc', now()) + interval '1 hour', timezone('utc', now()), 'another-node')
              on conflict (name) do update set lock_until = excluded.lock_until, locked_at = excluded.locked_at,
                locked_by = excluded.locked_by""").update();
      chain.invoke(chainer);
      assertThat(holder()).as("held by another node: not taken here").isEqualTo("another-node");
    } finally {
      jdbc.sql("update scheduling.shedlock set lock_until = timezone('utc', now()) - interval '1 second'"
          + " where name = 'audit.chain'")
          .update();
    }
    audit.record(action, "test", "1", null, Map.of());
    chain.invoke(chainer);
    assertThat(holder()).as("free again: taken here").isNotEqualTo("another-node");
    // Chained by this run, or — if another context's chainer took the freed lock a moment before it — by that one's.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(staged(action)).as("free again: chained").isZero());
    assertThat(jdbc.sql("select count(*) from audit.entry where action = ?").param(action).query(Long.class).single())
        .isEqualTo(1);
  }

  /**
   * A slow job does not hold up the others: fixed-delay jobs on the application's scheduler run side by side (with one
   * scheduler thread for all of them, the indicator applier waited behind whichever job was slow).
   */
  @Test
  void aSlowJobDoesNotHoldUpTheOthers() throws Exception {
    var scheduler = context.getBean(org.springframework.scheduling.TaskScheduler.class);
    var release = new java.util.concurrent.CountDownLatch(1);
    var slowStarted = new java.util.concurrent.CountDownLatch(1);
    var quickRuns = new java.util.concurrent.atomic.AtomicInteger();
    var slow = scheduler.scheduleWithFixedDelay(() -> {
      slowStarted.countDown();
      try {
        release.await(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, Duration.ofMillis(50));
    try {
      assertThat(slowStarted.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      var quick = scheduler.scheduleWithFixedDelay(quickRuns::incrementAndGet, Duration.ofMillis(20));
      try {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            assertThat(quickRuns.get()).as("runs of a quick job while a slow one is running").isGreaterThanOrEqualTo(3));
        assertThat(release.getCount()).as("the slow job is still running").isEqualTo(1);
      } finally {
        quick.cancel(false);
      }
    } finally {
      release.countDown();
      slow.cancel(false);
    }
  }

  private String holder() {
    return jdbc.sql("select locked_by from scheduling.shedlock where name = 'audit.chain'").query(String.class).single();
  }

  private long staged(String action) {
    return jdbc.sql("select count(*) from audit.pending where action = ?").param(action).query(Long.class).single();
  }
}
