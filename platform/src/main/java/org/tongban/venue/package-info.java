/**
 * Public culture and sports venues (公共文化体育设施): libraries, cultural centres, museums, 农家书屋, fitness centres,
 * courts, parks, trails, stadiums and gymnasiums ("一场两馆"); most of them are bookable.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"facility::spi"})
package org.tongban.venue;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
