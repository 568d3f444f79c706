/**
 * The resident's e-health record (居民电子健康档案) on HL7 FHIR R4 (#17): clinics write and read it through the FHIR
 * API under {@code /fhir} as OIDC clients of the platform, within their county; residents read their own and see who
 * looked at it, and third-party apps read it with her consent (SMART App Launch). The content is encrypted at rest;
 * every look is logged. On the record: the basic public-health services (国家基本公共卫生服务) with their due lists, reminders
 * and rates as indicator facts; notifiable-disease reports and early warning; the treatment network's hospitals.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "region", "access", "audit", "identity", "person", "facility", "facility::spi", "indicator",
    "indicator::spi"})
package org.tongban.health;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
