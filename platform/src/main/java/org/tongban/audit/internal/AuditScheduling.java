package org.tongban.audit.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The audit trail's timed work: chaining staged entries every 200 ms, the nightly retention purge. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditScheduling {}
