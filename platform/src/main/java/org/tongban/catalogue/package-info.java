/**
 * The service catalogue: items with the fields of the national 实施清单 (versioned, checked for consistency on
 * save), life-event bundles (一件事) and the forms residents fill in, with Chinese full-text search.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "region", "organisation", "access", "audit"})
package org.tongban.catalogue;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
