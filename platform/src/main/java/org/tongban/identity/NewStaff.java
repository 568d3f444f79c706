package org.tongban.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tongban.access.Scope;
import org.tongban.organisation.OfficeId;

/** What an administrator enters to create a staff account. */
public record NewStaff(String username, String displayName, @Nullable OfficeId office, Set<Role> roles,
                       Set<Scope> scopes, Set<Permission> permissions) {}
