/**
 * 12333 智慧咨询: one knowledge base — the articles of the laws and regulations, the guides of the service catalogue,
 * curated answers — searched in everyday Chinese and answered by quoting the sources, never by generated text.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "catalogue", "audit", "access", "casework", "identity", "person", "region", "organisation", "casework::spi", "indicator", "indicator::spi"})
package org.tongban.consultation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
