package org.tongban.access;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A signed-in staff member as the jurisdiction sees them. Implemented by the identity module's user. */
public interface ScopedPrincipal {

  Set<Scope> scopes();

  /** The office the staff member works at, if any. */
  @Nullable String officeId();
}
