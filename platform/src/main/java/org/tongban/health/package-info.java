/**
 * The resident's e-health record (居民电子健康档案) on HL7 FHIR R4 (#17): clinics write and read it through the FHIR
 * API under {@code /fhir} as OIDC clients of the platform, within their county; residents read their own and see who
 * looked at it. The content is encrypted at rest; every look is logged.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "region", "access", "audit", "identity", "person", "facility::spi"})
package org.tongban.health;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
