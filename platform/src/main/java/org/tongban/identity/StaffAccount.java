package org.tongban.identity;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.access.Scope;

/** A staff account as administrators see it (no password). */
public record StaffAccount(UUID id, String username, String displayName, @Nullable UUID officeId,
                           Set<Role> roles, Set<Scope> scopes, Set<Permission> permissions, boolean enabled) {}
