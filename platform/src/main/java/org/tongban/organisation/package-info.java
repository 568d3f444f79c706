/**
 * Departments and their offices at each level: county bureaux, service halls (政务服务中心) and village
 * service stations. Staff accounts belong to offices.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "region", "access", "audit"})
package org.tongban.organisation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
