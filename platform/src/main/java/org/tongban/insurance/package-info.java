/**
 * 社会保险公共服务: enrolment in the five insurances and the residents' schemes, the contribution ledger, the social
 * security card, and the benefits computed from the record (unemployment benefit, retirement and pension), with the
 * public calculators a 12333 portal offers.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "region", "access", "audit", "unit", "person", "employment", "casework", "casework::spi", "identity",
    "indicator", "indicator::spi", "eldercare", "exchange::spi"})
package org.tongban.insurance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
