/**
 * 公共就业服务: vacancies units post (checked before publication against the minimum wage on record, discriminatory
 * requirements and fees, each refusal naming its article), a public job board searched in everyday words, the labour
 * bureau's suspension of a vacancy, and the minimum wages the provinces publish.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "region", "access", "audit", "unit", "person", "casework", "indicator",
    "facility::spi", "booking",
    "indicator::spi"})
package org.tongban.employment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
