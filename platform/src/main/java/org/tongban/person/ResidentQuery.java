package org.tongban.person;

import org.jspecify.annotations.Nullable;

/**
 * Registry search: name prefix, exact ID number, region (residence inside it). At least one of name or ID
 * number or region must be given.
 */
public record ResidentQuery(@Nullable String name, @Nullable String idNumber, @Nullable String region) {}
