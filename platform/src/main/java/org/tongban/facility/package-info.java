/**
 * Facilities (托育机构, 幼儿园, 养老机构, 文化和体育场馆 …) that residents find and get a place in, staff manage and
 * planners count. Types come from domain modules through {@code spi}; places are given through casework cases.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "region", "access", "audit", "identity", "person", "casework",
    "catalogue", "booking", "booking::spi", "indicator", "indicator::spi", "exchange::spi"})
package org.tongban.facility;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
