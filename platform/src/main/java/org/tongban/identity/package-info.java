/**
 * Who is signed in: staff accounts with roles, jurisdiction scopes and permissions; sign-in, the login log
 * and the first administrator. (The OpenID Connect provider for one login builds on this module.)
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "access", "organisation", "audit", "person", "region", "unit"})
package org.tongban.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
